"use strict";

const fsp = require("fs/promises");
const path = require("path");
const crypto = require("crypto");
const express = require("express");
const multer = require("multer");
const libxmljs = require("libxmljs2");

const ICON_DIR = process.env.ICON_DIR || "/var/app/icons";
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 256 * 1024 } });
const router = express.Router();

function iconSize(doc) {
  const root = doc.root();
  return {
    width: Number(root.attr("width") ? root.attr("width").value() : 0),
    height: Number(root.attr("height") ? root.attr("height").value() : 0),
  };
}

router.post("/icons", upload.single("icon"), async (req, res) => {
  const svg = req.file.buffer.toString("utf8");
  const doc = libxmljs.parseXmlString(svg, { noent: true, nocdata: true });
  const { width, height } = iconSize(doc);
  if (width > 512 || height > 512) {
    return res.status(422).json({ error: "icons must be at most 512x512" });
  }
  const id = crypto.randomUUID();
  await fsp.writeFile(path.join(ICON_DIR, `${id}.svg`), doc.toString());
  res.status(201).json({ id, width, height });
});

router.post("/icons/check", upload.single("icon"), (req, res) => {
  const doc = libxmljs.parseXmlString(req.file.buffer.toString("utf8"));
  res.json(iconSize(doc));
});

module.exports = router;
