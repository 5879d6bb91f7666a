"use strict";

const vm = require("vm");
const express = require("express");

const router = express.Router();

const METRICS = {
  conversion: (row) => (row.visits === 0 ? 0 : row.orders / row.visits),
  averageOrder: (row) => (row.orders === 0 ? 0 : row.revenue / row.orders),
};

// Analysts paste a small snippet that computes a custom column from each row.
router.post("/reports/custom-column", (req, res) => {
  const { rows, snippet } = req.body;
  const values = rows.map((row) => vm.runInNewContext(snippet, { row: { ...row } }, { timeout: 100 }));
  res.json({ values });
});

router.post("/reports/metric", (req, res) => {
  const metric = METRICS[req.body.metric];
  if (!metric) {
    return res.status(400).json({ error: "unknown metric" });
  }
  const sandbox = { rows: req.body.rows, metric, values: [] };
  vm.runInNewContext("values = rows.map(metric)", sandbox, { timeout: 100 });
  res.json({ values: sandbox.values });
});

module.exports = router;
