"use strict";

const express = require("express");
const bcrypt = require("bcrypt");
const { findUserByEmail } = require("./users");

const router = express.Router();
router.use(express.urlencoded({ extended: false }));

const LANDING_PAGES = {
  billing: "/account/billing",
  team: "/account/team",
  settings: "/account/settings",
};

function isLocalPath(value) {
  return typeof value === "string" && /^\/(?![\/\\])/.test(value);
}

router.get("/login", (req, res) => {
  res.render("login", { next: req.query.next || "/" });
});

router.post("/login", async (req, res) => {
  const user = await findUserByEmail(req.body.email);
  const valid = user && (await bcrypt.compare(req.body.password, user.passwordHash));
  if (!valid) {
    return res.status(401).render("login", { error: "Invalid email or password", next: req.body.next });
  }
  req.session.regenerate(() => {
    req.session.userId = user.id;
    res.redirect(req.body.next || "/");
  });
});

router.get("/logout", (req, res) => {
  const next = req.query.next;
  req.session.destroy(() => {
    res.redirect(isLocalPath(next) ? next : "/");
  });
});

router.get("/go/:page", (req, res) => {
  res.redirect(LANDING_PAGES[req.params.page] || "/");
});

router.get("/sso/callback", (req, res) => {
  const state = JSON.parse(Buffer.from(String(req.query.state), "base64url").toString("utf8"));
  const destination = state.returnTo;
  res.redirect(302, destination);
});

module.exports = router;
