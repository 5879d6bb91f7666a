"use strict";

const crypto = require("crypto");
const pino = require("pino");

const logger = pino({ level: process.env.LOG_LEVEL || "info" });
const SAMPLE_RATE = Number(process.env.ACCESS_LOG_SAMPLE_RATE || 0.1);
const SLOW_REQUEST_MS = 1000;

function requestId(req) {
  const incoming = req.get("X-Request-Id");
  return /^[A-Za-z0-9-]{8,64}$/.test(incoming || "") ? incoming : crypto.randomUUID();
}

// Logs every slow or failed request, and a sample of the rest to keep volume down.
function accessLog() {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    req.id = requestId(req);
    res.setHeader("X-Request-Id", req.id);
    res.on("finish", () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const interesting = res.statusCode >= 500 || durationMs > SLOW_REQUEST_MS;
      if (interesting || Math.random() < SAMPLE_RATE) {
        logger.info({
          id: req.id,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          durationMs: Math.round(durationMs),
        });
      }
    });
    next();
  };
}

module.exports = { accessLog };
