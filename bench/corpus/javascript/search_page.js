"use strict";

const express = require("express");
const escapeHtml = require("escape-html");
const { searchArticles } = require("./articles");

const router = express.Router();

function layout(title, body) {
  return `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;
}

function renderResults(articles) {
  return articles
    .map((a) => `<li><a href="/articles/${encodeURIComponent(a.slug)}">${escapeHtml(a.title)}</a></li>`)
    .join("");
}

router.get("/search", async (req, res) => {
  const q = req.query.q || "";
  const articles = await searchArticles(q);
  const heading = `<h1>Results for "${escapeHtml(q)}"</h1>`;
  res.send(layout("Search", heading + `<ul>${renderResults(articles)}</ul>`));
});

router.get("/search/empty", (req, res) => {
  const q = req.query.q || "";
  res.status(404).send(layout("No results", "<p>Nothing matched <b>" + q + "</b>. Try another word.</p>"));
});

router.get("/tags/:tag", async (req, res) => {
  const tag = req.params.tag;
  const articles = await searchArticles(`tag:${tag}`);
  res.write("<html><body>");
  res.write(`<h2>Tagged ${tag}</h2>`);
  res.write(`<ul>${renderResults(articles)}</ul>`);
  res.end("</body></html>");
});

router.get("/search/count", async (req, res) => {
  const articles = await searchArticles(req.query.q || "");
  const count = Number(articles.length);
  res.send(layout("Count", `<p>${count} articles found</p>`));
});

module.exports = router;
