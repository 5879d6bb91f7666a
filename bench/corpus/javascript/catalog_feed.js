"use strict";

const fs = require("fs");
const express = require("express");
const xpath = require("xpath");
const { DOMParser } = require("@xmldom/xmldom");

const router = express.Router();

// The supplier catalogue is synced nightly to a local XML file.
function loadCatalog() {
  const xml = fs.readFileSync(process.env.CATALOG_PATH || "/var/data/catalog.xml", "utf8");
  return new DOMParser().parseFromString(xml, "text/xml");
}

let catalog = loadCatalog();
setInterval(() => {
  catalog = loadCatalog();
}, 15 * 60 * 1000).unref();

function toProduct(node) {
  return {
    sku: node.getAttribute("sku"),
    name: xpath.select1("string(name)", node),
    price: Number(xpath.select1("string(price)", node)),
  };
}

router.get("/catalog/products/:sku", (req, res) => {
  const node = xpath.parse("//product[@sku=$sku]").select1({
    node: catalog,
    variables: { sku: req.params.sku },
  });
  if (!node) {
    return res.sendStatus(404);
  }
  res.json(toProduct(node));
});

router.get("/catalog/search", (req, res) => {
  const brand = req.query.brand;
  const nodes = xpath.select(`//product[brand='${brand}' and @discontinued='false']`, catalog);
  res.json(nodes.map(toProduct));
});

module.exports = router;
