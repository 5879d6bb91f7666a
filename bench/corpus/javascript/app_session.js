"use strict";

const express = require("express");
const session = require("express-session");
const RedisStore = require("connect-redis").default;
const { createClient } = require("redis");

const SUPPORTED_LOCALES = ["en", "de", "fr", "es"];

const redisClient = createClient({ url: process.env.REDIS_URL });
redisClient.connect().catch(console.error);

const app = express();
app.set("trust proxy", 1);
app.use(express.json());
app.use(
  session({
    store: new RedisStore({ client: redisClient, prefix: "web:" }),
    name: "app.sid",
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, secure: true, sameSite: "lax", maxAge: 8 * 60 * 60 * 1000 },
  }),
);

app.post("/preferences/locale", (req, res) => {
  const requested = String(req.body.locale || "");
  req.session.locale = SUPPORTED_LOCALES.includes(requested) ? requested : "en";
  res.sendStatus(204);
});

// The gateway forwards the tenant the user picked in the switcher.
app.post("/tenants/switch", (req, res) => {
  req.session.tenantId = req.get("X-Tenant-Id");
  res.sendStatus(204);
});

app.post("/profile", (req, res) => {
  const { displayName, role } = req.body;
  req.session.profile = { displayName: String(displayName || "").slice(0, 80) };
  req.session.role = role;
  res.sendStatus(204);
});

module.exports = app;
