"use strict";

const express = require("express");
const { Sequelize, QueryTypes } = require("sequelize");

const sequelize = new Sequelize(process.env.DATABASE_URL, { logging: false });
const router = express.Router();

function buildFilters(body) {
  const filters = { category: "all", minPrice: 0 };
  if (body && typeof body === "object") {
    Object.assign(filters, body.filters);
  }
  return filters;
}

router.post("/products/search", async (req, res) => {
  const filters = buildFilters(req.body);
  const category = filters.category;
  const label = category.trim();
  const products = await sequelize.query(
    `SELECT id, title, price FROM products WHERE category = '${label}' AND price >= ${Number(filters.minPrice)}`,
    { type: QueryTypes.SELECT },
  );
  res.json(products);
});

router.get("/products/by-brand", async (req, res) => {
  const products = await sequelize.query(
    "SELECT id, title, price FROM products WHERE brand = :brand AND active = true",
    { replacements: { brand: req.query.brand }, type: QueryTypes.SELECT },
  );
  res.json(products);
});

module.exports = router;
