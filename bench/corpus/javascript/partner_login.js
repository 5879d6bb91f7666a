"use strict";

const fs = require("fs");
const crypto = require("crypto");
const express = require("express");
const libxmljs = require("libxmljs");

const PARTNER_USERNAME = /^[a-z0-9._-]{3,32}$/i;
const router = express.Router();
router.use(express.urlencoded({ extended: false }));

// Legacy partner accounts still live in an XML file exported from the old portal.
const accounts = libxmljs.parseXml(fs.readFileSync("/etc/portal/partners.xml", "utf8"));

function passwordDigest(password, salt) {
  return crypto.scryptSync(password, salt, 32).toString("hex");
}

router.post("/partners/login", (req, res) => {
  const { username, password } = req.body;
  const saltNode = accounts.get(`//partner[@login='${username}']/@salt`);
  const digest = passwordDigest(String(password), saltNode ? saltNode.value() : "");
  const partner = accounts.get(`//partner[@login='${username}' and @digest='${digest}']`);
  if (!partner) {
    return res.status(401).send("Unknown partner or wrong password");
  }
  req.session.partnerId = partner.attr("id").value();
  res.redirect("/partners/home");
});

router.get("/partners/contact", (req, res) => {
  const username = String(req.query.username || "");
  if (!PARTNER_USERNAME.test(username)) {
    return res.status(400).send("Invalid partner name");
  }
  const contact = accounts.get(`//partner[@login='${username}']/contact`);
  res.json({ contact: contact ? contact.text() : null });
});

module.exports = router;
