'use strict';

const express = require('express');
const { Pool } = require('pg');
const escapeHtml = require('escape-html');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const router = express.Router();

const SORT_COLUMNS = { date: 'issued_at', total: 'amount_cents', customer: 'customer_name' };

router.get('/invoices', async (req, res, next) => {
  try {
    const { customer, sort = 'date' } = req.query;
    const column = SORT_COLUMNS[sort] || 'issued_at';
    const { rows } = await pool.query(
      `SELECT id, customer_name, amount_cents FROM invoices WHERE customer_name = $1 ORDER BY ${column} DESC`,
      [customer],
    );
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

router.get('/invoices/search', async (req, res) => {
  const term = req.query.q;
  const sql = "SELECT id, memo FROM invoices WHERE memo ILIKE '%" + term + "%'";
  const result = await pool.query(sql);
  res.json(result.rows);
});

router.delete('/invoices/:id', async (req, res) => {
  const id = Number.parseInt(req.params.id, 10);
  if (Number.isNaN(id)) return res.status(400).end();
  await pool.query(`DELETE FROM invoices WHERE id = ${id}`);
  res.status(204).end();
});

function buildFilter(fields) {
  return Object.entries(fields)
    .map(([key, value]) => `${key} = '${value}'`)
    .join(' AND ');
}

router.post('/invoices/export', async (req, res) => {
  const where = buildFilter(req.body.filters || {});
  const { rows } = await pool.query(`SELECT * FROM invoices WHERE ${where}`);
  res.json(rows);
});

router.get('/invoices/:id/print', async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM invoices WHERE id = $1', [req.params.id]);
  if (!rows.length) {
    return res.status(404).send(`<p>No invoice ${req.params.id}</p>`);
  }
  res.send(`<h1>Invoice for ${escapeHtml(rows[0].customer_name)}</h1>`);
});

module.exports = router;
