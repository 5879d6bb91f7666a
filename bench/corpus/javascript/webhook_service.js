"use strict";

const http = require("http");
const express = require("express");

const PAYMENTS_API = process.env.PAYMENTS_API_URL || "https://api.payments.internal.example.com";
const CHARGE_ID = /^ch_[A-Za-z0-9]{8,32}$/;
const router = express.Router();
router.use(express.json());

// Lets integrators check that their endpoint receives our events.
router.post("/webhooks/test", async (req, res) => {
  const { callbackUrl, event } = req.body;
  const delivery = await fetch(callbackUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ type: event || "ping", test: true }),
  });
  res.json({ status: delivery.status });
});

router.get("/charges/:chargeId", async (req, res) => {
  const { chargeId } = req.params;
  if (!CHARGE_ID.test(chargeId)) {
    return res.status(400).json({ error: "invalid charge id" });
  }
  const response = await fetch(`${PAYMENTS_API}/v1/charges/${encodeURIComponent(chargeId)}`, {
    headers: { Authorization: `Bearer ${process.env.PAYMENTS_API_TOKEN}` },
  });
  res.status(response.status).json(await response.json());
});

// Status page proxies the health endpoint of the shard that owns the tenant.
router.get("/status/shard", (req, res) => {
  const shardHost = req.headers["x-shard-host"];
  http
    .get({ host: shardHost, port: 8080, path: "/healthz", timeout: 2000 }, (upstream) => {
      res.status(upstream.statusCode);
      upstream.pipe(res);
    })
    .on("error", () => res.sendStatus(502));
});

router.get("/status/self", (req, res) => {
  http
    .get("http://127.0.0.1:8080/healthz", (upstream) => {
      res.status(upstream.statusCode);
      upstream.pipe(res);
    })
    .on("error", () => res.sendStatus(502));
});

module.exports = router;
