"use strict";

const express = require("express");
const { pool } = require("./db");
const { version } = require("../package.json");

const router = express.Router();
const startedAt = new Date();

router.get("/healthz", (req, res) => {
  res.json({ status: "ok" });
});

router.get("/readyz", async (req, res) => {
  try {
    await pool.query("SELECT 1");
    res.json({ status: "ready" });
  } catch (err) {
    res.status(503).json({ status: "database unavailable" });
  }
});

router.get("/info", (req, res) => {
  res.json({
    version,
    uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
  });
});

module.exports = router;
