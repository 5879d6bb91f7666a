'use strict';

const express = require('express');
const vm = require('vm');
const { evaluate } = require('mathjs');

const app = express();
app.use(express.json());

const REPORT_FIELDS = { revenue: (r) => r.revenue, margin: (r) => r.revenue - r.cost };

app.post('/formula/run', (req, res) => {
  const result = eval(req.body.expression);
  res.json({ result });
});

app.post('/formula/compile', (req, res) => {
  const scorer = new Function('row', 'return ' + req.body.score + ';');
  res.json({ score: scorer({ revenue: 10, cost: 4 }) });
});

app.post('/formula/sandbox', (req, res) => {
  const out = vm.runInNewContext(req.body.script, { rows: [] }, { timeout: 50 });
  res.json({ out });
});

app.post('/formula/math', (req, res) => {
  res.json({ result: evaluate(String(req.body.expression)) });
});

app.post('/formula/field', (req, res) => {
  const pick = REPORT_FIELDS[req.body.field];
  if (!pick) return res.status(400).json({ error: 'unknown field' });
  res.json({ value: pick({ revenue: 10, cost: 4 }) });
});

app.post('/formula/later', (req, res) => {
  const delay = Number(req.body.delayMs) || 0;
  setTimeout(() => console.log('recomputed'), Math.min(delay, 5000));
  res.json({ scheduled: true });
});

app.post('/formula/timer', (req, res) => {
  setTimeout('recompute("' + req.body.name + '")', 1000);
  res.json({ scheduled: true });
});

app.get('/formula/version', (req, res) => {
  const build = eval('"2024.06"');
  res.json({ build });
});

module.exports = app;
