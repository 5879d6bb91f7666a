"use strict";

const express = require("express");
const mysql = require("mysql2/promise");

const router = express.Router();

const pool = mysql.createPool({
  host: process.env.DB_HOST,
  user: process.env.DB_USER,
  password: process.env.DB_PASSWORD,
  database: "shop",
  connectionLimit: 10,
});

const SORTABLE_COLUMNS = {
  date: "created_at",
  total: "total_cents",
  customer: "customer_name",
};

// Back-office order list, filtered by status.
router.get("/orders", async (req, res, next) => {
  try {
    const status = req.query.status || "open";
    const [rows] = await pool.query(
      "SELECT id, customer_name, total_cents, status FROM orders WHERE status = '" + status + "' ORDER BY created_at DESC",
    );
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

router.get("/orders/:id", async (req, res, next) => {
  try {
    const [rows] = await pool.execute(
      "SELECT id, customer_name, total_cents, status FROM orders WHERE id = ?",
      [req.params.id],
    );
    if (rows.length === 0) {
      return res.status(404).json({ error: "order not found" });
    }
    res.json(rows[0]);
  } catch (err) {
    next(err);
  }
});

router.get("/customers/:customerId/orders", async (req, res, next) => {
  try {
    const sort = req.query.sort || "created_at";
    const direction = req.query.dir === "asc" ? "ASC" : "DESC";
    const sql = `SELECT id, total_cents, status FROM orders WHERE customer_id = ? ORDER BY ${sort} ${direction}`;
    const [rows] = await pool.query(sql, [req.params.customerId]);
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

router.get("/reports/orders", async (req, res, next) => {
  try {
    const column = SORTABLE_COLUMNS[req.query.sort] || SORTABLE_COLUMNS.date;
    const [rows] = await pool.query(
      `SELECT id, customer_name, total_cents FROM orders ORDER BY ${column} DESC LIMIT 500`,
    );
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
