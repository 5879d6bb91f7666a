"use strict";

const fs = require("fs");
const fsp = require("fs/promises");
const path = require("path");
const crypto = require("crypto");
const express = require("express");
const multer = require("multer");

const STORAGE_ROOT = path.resolve(process.env.ATTACHMENT_ROOT || "/var/lib/helpdesk/attachments");
const ALLOWED_EXTENSIONS = new Set([".png", ".jpg", ".pdf", ".txt"]);

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 10 * 1024 * 1024 } });
const router = express.Router();

router.get("/tickets/:ticketId/attachments", (req, res) => {
  const file = path.join(STORAGE_ROOT, req.params.ticketId, req.query.name);
  res.setHeader("Content-Disposition", "attachment");
  fs.createReadStream(file)
    .on("error", () => res.status(404).end())
    .pipe(res);
});

router.get("/tickets/:ticketId/attachments/download", (req, res) => {
  const ticketDir = path.resolve(STORAGE_ROOT, String(Number.parseInt(req.params.ticketId, 10)));
  const requested = path.resolve(ticketDir, String(req.query.name));
  if (!requested.startsWith(ticketDir + path.sep)) {
    return res.status(400).json({ error: "invalid attachment name" });
  }
  res.download(requested, (err) => {
    if (err && !res.headersSent) {
      res.status(404).end();
    }
  });
});

router.post("/tickets/:ticketId/attachments", upload.single("file"), async (req, res) => {
  const dir = path.join(STORAGE_ROOT, String(Number.parseInt(req.params.ticketId, 10)));
  await fsp.mkdir(dir, { recursive: true });
  await fsp.writeFile(path.join(dir, req.file.originalname), req.file.buffer);
  res.status(201).json({ name: req.file.originalname });
});

router.post("/tickets/:ticketId/screenshots", upload.single("file"), async (req, res) => {
  const extension = path.extname(req.file.originalname).toLowerCase();
  if (!ALLOWED_EXTENSIONS.has(extension)) {
    return res.status(415).json({ error: "unsupported file type" });
  }
  const dir = path.join(STORAGE_ROOT, String(Number.parseInt(req.params.ticketId, 10)));
  const storedName = `${crypto.randomUUID()}${extension}`;
  await fsp.mkdir(dir, { recursive: true });
  await fsp.writeFile(path.join(dir, storedName), req.file.buffer);
  res.status(201).json({ name: storedName });
});

module.exports = router;
