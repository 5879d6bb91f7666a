"use strict";

const express = require("express");
const cookieParser = require("cookie-parser");
const serialize = require("node-serialize");

const router = express.Router();
router.use(cookieParser());
router.use(express.json());

const STEPS = ["company", "billing", "team", "done"];

// Onboarding progress travels in a cookie so users can resume on another tab.
router.get("/onboarding", (req, res) => {
  const raw = req.cookies.onboarding;
  const state = raw ? serialize.unserialize(Buffer.from(raw, "base64").toString("utf8")) : { step: 0 };
  res.json({ step: STEPS[state.step] || STEPS[0], answers: state.answers || {} });
});

router.post("/onboarding", (req, res) => {
  const step = Math.min(Math.max(Number.parseInt(req.body.step, 10) || 0, 0), STEPS.length - 1);
  const state = { step, answers: { company: String(req.body.company || "") } };
  const encoded = Buffer.from(serialize.serialize(state)).toString("base64");
  res.cookie("onboarding", encoded, { httpOnly: true, secure: true, sameSite: "lax" });
  res.json({ step: STEPS[step] });
});

router.post("/onboarding/import", (req, res) => {
  const imported = serialize.unserialize(req.body.snapshot);
  res.json({ step: STEPS[imported.step] || STEPS[0] });
});

module.exports = router;
