"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");
const express = require("express");

const router = express.Router();

// Shipping formula maintained by the logistics team, shipped with the release.
const shippingScript = new vm.Script(
  fs.readFileSync(path.join(__dirname, "formulas", "shipping.js"), "utf8"),
  { filename: "shipping.js" },
);

function shippingCost(weightKg, zone) {
  const context = vm.createContext({ weightKg, zone, result: 0 });
  shippingScript.runInContext(context, { timeout: 50 });
  return context.result;
}

// Merchants define discount rules such as "qty >= 10 ? price * 0.9 : price".
function compileRule(expression) {
  return new Function("price", "qty", `return (${expression});`);
}

router.post("/pricing/preview", (req, res) => {
  const rule = compileRule(req.body.expression);
  const price = Number(req.body.price);
  const qty = Number(req.body.qty);
  res.json({ total: rule(price, qty) * qty });
});

router.get("/pricing/shipping", (req, res) => {
  const weight = Number.parseFloat(req.query.weight);
  if (!Number.isFinite(weight) || weight <= 0) {
    return res.status(400).json({ error: "weight must be a positive number" });
  }
  const zone = ["eu", "us", "apac"].includes(req.query.zone) ? req.query.zone : "eu";
  res.json({ cost: shippingCost(weight, zone) });
});

module.exports = router;
