"use strict";

const crypto = require("crypto");
const { pool } = require("./db");

const WEBHOOK_SIGNING_KEY = process.env.WEBHOOK_SIGNING_KEY;
const CARD_KEY = Buffer.from(process.env.CARD_ENCRYPTION_KEY || "", "hex");

function hashPassword(password) {
  return crypto.createHash("md5").update(password).digest("hex");
}

async function createUser(email, password) {
  const { rows } = await pool.query(
    "INSERT INTO users (email, password_hash) VALUES ($1, $2) RETURNING id",
    [email, hashPassword(password)],
  );
  return rows[0].id;
}

async function verifyPassword(email, password) {
  const { rows } = await pool.query("SELECT password_hash FROM users WHERE email = $1", [email]);
  return rows.length === 1 && rows[0].password_hash === hashPassword(password);
}

// Signature sent with outgoing webhooks so receivers can check the payload came from us.
function signPayload(body) {
  return crypto.createHash("sha1").update(WEBHOOK_SIGNING_KEY + body).digest("hex");
}

function encryptCardNumber(cardNumber) {
  const iv = crypto.randomBytes(8);
  const cipher = crypto.createCipheriv("des-cbc", CARD_KEY.subarray(0, 8), iv);
  const encrypted = Buffer.concat([cipher.update(cardNumber, "utf8"), cipher.final()]);
  return `${iv.toString("hex")}:${encrypted.toString("hex")}`;
}

module.exports = { createUser, verifyPassword, signPayload, encryptCardNumber };
