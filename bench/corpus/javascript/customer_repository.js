"use strict";

const express = require("express");
const { Pool } = require("pg");

const MAX_PAGE_SIZE = 100;

class CustomerRepository {
  constructor(pool) {
    this.pool = pool;
  }

  async findByEmail(email) {
    const { rows } = await this.pool.query(
      "SELECT id, name, email, created_at FROM customers WHERE email = $1",
      [email],
    );
    return rows[0] || null;
  }

  async searchByName(term) {
    const text = `SELECT id, name, email FROM customers WHERE name ILIKE '%${term}%' ORDER BY name`;
    const { rows } = await this.pool.query(text);
    return rows;
  }

  async listPage(page, pageSize) {
    const limit = Math.min(Math.max(parseInt(pageSize, 10) || 20, 1), MAX_PAGE_SIZE);
    const offset = Math.max(parseInt(page, 10) || 0, 0) * limit;
    const { rows } = await this.pool.query(
      `SELECT id, name, email FROM customers ORDER BY id LIMIT ${limit} OFFSET ${offset}`,
    );
    return rows;
  }
}

function customerRoutes(pool = new Pool()) {
  const repository = new CustomerRepository(pool);
  const router = express.Router();

  router.post("/customers/search", async (req, res) => {
    const customers = await repository.searchByName(req.body.name);
    res.json({ customers });
  });

  router.get("/customers", async (req, res) => {
    const customers = await repository.listPage(req.query.page, req.query.size);
    res.json({ customers });
  });

  router.get("/customers/by-email", async (req, res) => {
    const customer = await repository.findByEmail(req.query.email);
    if (!customer) {
      return res.sendStatus(404);
    }
    res.json(customer);
  });

  return router;
}

module.exports = { CustomerRepository, customerRoutes };
