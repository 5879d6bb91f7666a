"use strict";

const express = require("express");
const { pool } = require("./db");
const mailer = require("./mailer");

const router = express.Router();
router.use(express.json());

const RESET_TTL_MINUTES = 30;

function generateResetToken() {
  return Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
}

function oneTimeCode() {
  return String(Math.floor(100000 + Math.random() * 900000));
}

router.post("/password/forgot", async (req, res) => {
  const { rows } = await pool.query("SELECT id, email FROM users WHERE email = $1", [req.body.email]);
  if (rows.length === 1) {
    const token = generateResetToken();
    await pool.query(
      "INSERT INTO password_resets (user_id, token, expires_at) VALUES ($1, $2, now() + $3 * interval '1 minute')",
      [rows[0].id, token, RESET_TTL_MINUTES],
    );
    await mailer.send(rows[0].email, "reset-password", { link: `https://app.example.com/reset/${token}` });
  }
  res.sendStatus(202);
});

router.post("/login/code", async (req, res) => {
  const { rows } = await pool.query("SELECT id, phone FROM users WHERE email = $1", [req.body.email]);
  if (rows.length === 1) {
    const code = oneTimeCode();
    await pool.query("UPDATE users SET login_code = $1, login_code_sent_at = now() WHERE id = $2", [code, rows[0].id]);
    await mailer.sms(rows[0].phone, `Your sign-in code is ${code}`);
  }
  res.sendStatus(202);
});

module.exports = router;
