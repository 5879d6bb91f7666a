"use strict";

const fs = require("fs");
const path = require("path");
const express = require("express");
const yaml = require("js-yaml");

const router = express.Router();
router.use(express.text({ type: ["application/yaml", "text/yaml"], limit: "256kb" }));

const DEFAULTS = yaml.load(fs.readFileSync(path.join(__dirname, "defaults.yml"), "utf8"), {
  schema: yaml.JSON_SCHEMA,
});

// Users paste their pipeline definition; we store the normalised JSON form.
router.post("/pipelines/preview", (req, res) => {
  const definition = yaml.load(req.body, { schema: yaml.DEFAULT_FULL_SCHEMA });
  res.json({ ...DEFAULTS, ...definition });
});

router.post("/pipelines", (req, res) => {
  let definition;
  try {
    definition = yaml.load(req.body, { schema: yaml.CORE_SCHEMA, json: true });
  } catch (err) {
    return res.status(400).json({ error: `invalid YAML: ${err.message}` });
  }
  res.status(201).json({ ...DEFAULTS, ...definition });
});

module.exports = router;
