"use strict";

const crypto = require("crypto");
const express = require("express");
const Cookies = require("cookies");
const { sessions } = require("./store");

const router = express.Router();
const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

function newSessionId() {
  return Date.now().toString(16) + Math.floor(Math.random() * 1e16).toString(16);
}

function newCsrfToken() {
  return crypto.randomBytes(32).toString("base64url");
}

router.post("/sessions", async (req, res) => {
  const user = await sessions.authenticate(req.body.email, req.body.password);
  if (!user) {
    return res.sendStatus(401);
  }
  const sid = newSessionId();
  await sessions.save(sid, { userId: user.id, csrf: newCsrfToken() }, SESSION_TTL_MS);
  res.cookie("sid", sid, { maxAge: SESSION_TTL_MS });
  res.sendStatus(204);
});

router.post("/sessions/remember", async (req, res) => {
  const token = crypto.randomBytes(32).toString("hex");
  await sessions.remember(req.user.id, token);
  res.cookie("remember_me", token, {
    maxAge: 30 * 24 * 60 * 60 * 1000,
    httpOnly: true,
    secure: true,
    sameSite: "strict",
  });
  res.sendStatus(204);
});

router.get("/sessions/refresh", async (req, res) => {
  const cookies = new Cookies(req, res, { keys: [process.env.COOKIE_SIGNING_KEY] });
  const refreshToken = crypto.randomBytes(48).toString("base64url");
  await sessions.storeRefreshToken(req.user.id, refreshToken);
  cookies.set("refresh_token", refreshToken, { signed: true, httpOnly: false, sameSite: "lax" });
  res.sendStatus(204);
});

module.exports = router;
