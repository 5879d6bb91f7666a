"use strict";

const express = require("express");
const knex = require("knex")({
  client: "pg",
  connection: process.env.DATABASE_URL,
  pool: { min: 0, max: 8 },
});

const router = express.Router();

function partnerReference(req) {
  return req.get("X-Partner-Ref") || "";
}

// Partners fetch their own invoices with the reference we issued them.
router.get("/partner/invoices", async (req, res) => {
  const ref = partnerReference(req);
  const invoices = await knex.raw(
    "select id, amount_cents, issued_on from invoices where partner_ref = '" + ref + "' order by issued_on desc",
  );
  res.json(invoices.rows);
});

router.get("/partner/invoices/:number", async (req, res) => {
  const ref = partnerReference(req);
  const result = await knex.raw(
    "select id, amount_cents, issued_on, lines from invoices where partner_ref = ? and number = ?",
    [ref, req.params.number],
  );
  if (result.rows.length === 0) {
    return res.sendStatus(404);
  }
  res.json(result.rows[0]);
});

router.get("/partner/summary", async (req, res) => {
  const region = req.cookies.region;
  const from = req.query.from;
  const totals = await knex("invoices")
    .select("currency")
    .sum({ total: "amount_cents" })
    .whereRaw(`region = '${region}' and issued_on >= '${from}'`)
    .groupBy("currency");
  res.json(totals);
});

module.exports = router;
