"use strict";

const { exec, execFile } = require("child_process");
const express = require("express");
const multer = require("multer");

const UPLOAD_DIR = process.env.UPLOAD_DIR || "/var/app/uploads";
const upload = multer({ dest: UPLOAD_DIR, limits: { fileSize: 50 * 1024 * 1024 } });
const router = express.Router();

function probe(filePath) {
  return new Promise((resolve, reject) => {
    execFile(
      "ffprobe",
      ["-v", "quiet", "-print_format", "json", "-show_format", filePath],
      (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout))),
    );
  });
}

router.post("/videos", upload.single("video"), async (req, res) => {
  try {
    const info = await probe(req.file.path);
    res.status(201).json({ id: req.file.filename, duration: info.format.duration });
  } catch (err) {
    res.status(422).json({ error: "could not read video metadata" });
  }
});

// Keeps the original file name as the document title so search shows what users uploaded.
router.post("/documents", upload.single("document"), (req, res) => {
  const original = req.file.originalname;
  exec(`exiftool -overwrite_original -Title="${original}" "${req.file.path}"`, (err) => {
    if (err) {
      return res.status(500).json({ error: "could not tag document" });
    }
    res.status(201).json({ id: req.file.filename, title: original });
  });
});

module.exports = router;
