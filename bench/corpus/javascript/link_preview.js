"use strict";

const axios = require("axios");
const cheerio = require("cheerio");
const express = require("express");

const router = express.Router();
const OEMBED_PROVIDERS = new Map([
  ["www.youtube.com", "https://www.youtube.com/oembed"],
  ["vimeo.com", "https://vimeo.com/api/oembed.json"],
]);

function extractMeta(html) {
  const $ = cheerio.load(html);
  return {
    title: $('meta[property="og:title"]').attr("content") || $("title").text(),
    description: $('meta[property="og:description"]').attr("content") || "",
    image: $('meta[property="og:image"]').attr("content") || null,
  };
}

// Chat messages show a card for the first link a user posts.
router.get("/unfurl", async (req, res) => {
  const response = await axios.get(req.query.url, { timeout: 5000, maxContentLength: 1024 * 1024 });
  res.json(extractMeta(response.data));
});

router.get("/embed", async (req, res) => {
  let target;
  try {
    target = new URL(String(req.query.url));
  } catch (err) {
    return res.status(400).json({ error: "invalid URL" });
  }
  const endpoint = OEMBED_PROVIDERS.get(target.hostname);
  if (target.protocol !== "https:" || !endpoint) {
    return res.status(400).json({ error: "provider not supported" });
  }
  const response = await axios.get(endpoint, { params: { url: target.href, format: "json" }, timeout: 5000 });
  res.json(response.data);
});

module.exports = router;
