"use strict";

const fs = require("fs");
const path = require("path");
const express = require("express");
const cookieParser = require("cookie-parser");

const THEMES_DIR = path.join(__dirname, "themes");
const LOCALES_DIR = path.join(__dirname, "locales");
const INSTALLED_THEMES = new Set(["classic", "midnight", "solar"]);
const LOCALE_PATTERN = /^[a-z]{2}(-[A-Z]{2})?$/;

const app = express();
app.use(cookieParser());

app.get("/themes/:theme/:asset", (req, res) => {
  const { theme, asset } = req.params;
  fs.readFile(`${THEMES_DIR}/${theme}/${asset}`, (err, data) => {
    if (err) {
      return res.sendStatus(404);
    }
    res.type(path.extname(asset)).send(data);
  });
});

app.get("/v2/themes/:theme/:asset", (req, res) => {
  const { theme } = req.params;
  const asset = path.basename(req.params.asset);
  if (!INSTALLED_THEMES.has(theme) || asset.startsWith(".")) {
    return res.sendStatus(404);
  }
  fs.readFile(path.join(THEMES_DIR, theme, asset), (err, data) => {
    if (err) {
      return res.sendStatus(404);
    }
    res.type(path.extname(asset)).send(data);
  });
});

app.get("/i18n/messages", (req, res) => {
  const lang = req.cookies.lang || "en";
  const messages = fs.readFileSync(path.join(LOCALES_DIR, lang + ".json"), "utf8");
  res.type("application/json").send(messages);
});

app.get("/i18n/fallback", (req, res) => {
  const requested = req.cookies.lang || "en";
  const lang = LOCALE_PATTERN.test(requested) ? requested : "en";
  const messages = fs.readFileSync(path.join(LOCALES_DIR, `${lang}.json`), "utf8");
  res.type("application/json").send(messages);
});

module.exports = app;
