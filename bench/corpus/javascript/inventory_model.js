"use strict";

const mongoose = require("mongoose");
const express = require("express");

const itemSchema = new mongoose.Schema(
  {
    sku: { type: String, required: true, unique: true },
    name: String,
    stock: { type: Number, default: 0 },
    reorderLevel: { type: Number, default: 5 },
    warehouse: String,
  },
  { timestamps: true },
);

const Item = mongoose.model("Item", itemSchema);
const router = express.Router();

router.get("/inventory/low-stock", async (req, res) => {
  const items = await Item.find({ $where: "this.stock < this.reorderLevel" }).limit(200).lean();
  res.json(items);
});

router.get("/inventory/by-warehouse", async (req, res) => {
  const warehouse = req.query.warehouse;
  const items = await Item.find({ $where: `this.warehouse == '${warehouse}' && this.stock > 0` }).lean();
  res.json(items);
});

router.patch("/inventory/:sku", async (req, res) => {
  const stock = Number.parseInt(req.body.stock, 10);
  if (Number.isNaN(stock) || stock < 0) {
    return res.status(400).json({ error: "stock must be a non-negative integer" });
  }
  const item = await Item.findOneAndUpdate({ sku: String(req.params.sku) }, { stock }, { new: true });
  res.json(item);
});

module.exports = { Item, router };
