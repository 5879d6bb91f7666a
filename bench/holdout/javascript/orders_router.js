'use strict';

const express = require('express');
const mysql = require('mysql2/promise');
const escapeHtml = require('escape-html');

const router = express.Router();
const pool = mysql.createPool({
  host: process.env.DB_HOST,
  user: process.env.DB_USER,
  password: process.env.DB_PASSWORD,
  database: 'shop',
});

const SORTABLE = { date: 'created_at', total: 'total_cents', status: 'status' };

router.get('/orders', async (req, res) => {
  const { status = 'open' } = req.query;
  const [rows] = await pool.query(
    "SELECT id, total_cents FROM orders WHERE status = '" + status + "' ORDER BY created_at DESC"
  );
  res.json(rows);
});

router.get('/orders/by-email', async (req, res) => {
  const [rows] = await pool.execute('SELECT id FROM orders WHERE email = ?', [req.query.email]);
  res.json(rows);
});

router.get('/orders/sorted', async (req, res) => {
  const column = SORTABLE[req.query.by] || 'created_at';
  const [rows] = await pool.query(`SELECT id, total_cents FROM orders ORDER BY ${column} DESC LIMIT 100`);
  res.json(rows);
});

router.get('/orders/page/:page', async (req, res) => {
  const page = Number.parseInt(req.params.page, 10) || 1;
  const [rows] = await pool.query(`SELECT id FROM orders LIMIT 25 OFFSET ${(page - 1) * 25}`);
  res.json(rows);
});

router.delete('/orders/:ref', async (req, res) => {
  await pool.query(`DELETE FROM orders WHERE reference = '${req.params.ref}'`);
  res.status(204).end();
});

router.get('/orders/receipt', (req, res) => {
  const name = req.query.name || 'customer';
  res.send(`<h2>Thanks for your order, ${name}!</h2>`);
});

router.get('/orders/receipt-safe', (req, res) => {
  const name = req.query.name || 'customer';
  res.send(`<h2>Thanks for your order, ${escapeHtml(name)}!</h2>`);
});

router.post('/orders/:id/paid', (req, res) => {
  const returnTo = req.body.returnTo;
  res.redirect(returnTo);
});

router.post('/orders/:id/cancelled', (req, res) => {
  const returnTo = String(req.body.returnTo || '/orders');
  const safe = returnTo.startsWith('/') && !returnTo.startsWith('//') && !returnTo.startsWith('/\\');
  res.redirect(safe ? returnTo : '/orders');
});

module.exports = router;
