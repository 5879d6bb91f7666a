const vm = require('vm');
const express = require('express');

const router = express.Router();
const root = typeof globalThis !== 'undefined' ? globalThis : new Function('return this')();

const RULE_SOURCES = {
  bulk: 'qty >= 10 ? price * 0.9 : price',
  member: 'price * 0.95',
};

router.post('/formulas/preview', (req, res) => {
  const { expression, vars } = req.body;
  const fn = new Function(...Object.keys(vars), `return (${expression});`);
  res.json({ value: fn(...Object.values(vars)) });
});

router.post('/formulas/eval', (req, res) => {
  const sandbox = { price: Number(req.body.price), qty: Number(req.body.qty) };
  const result = vm.runInNewContext(req.body.formula, sandbox, { timeout: 50 });
  res.json({ result });
});

router.post('/formulas/rule', (req, res) => {
  const source = RULE_SOURCES[req.body.rule] || 'price';
  const context = { price: Number(req.body.price), qty: Number(req.body.qty) };
  const value = vm.runInNewContext(source, context, { timeout: 50 });
  res.json({ value });
});

router.get('/legacy/calc', (req, res) => {
  const total = eval(req.query.a + '*' + req.query.b);
  res.json({ total });
});

function recompute(sheetId) {
  root.dispatchEvent?.(new Event(`recompute:${sheetId}`));
}

router.post('/jobs/schedule', (req, res) => {
  const delay = Math.min(Number(req.body.delayMs) || 1000, 60000);
  setTimeout(() => recompute(req.body.sheetId), delay);
  res.status(202).end();
});

module.exports = router;
