'use strict';

const crypto = require('crypto');
const express = require('express');
const jwt = require('jsonwebtoken');
const session = require('express-session');

const app = express();
app.use(express.json());

const JWT_SECRET = process.env.JWT_SECRET;
const MAILER_API_KEY = 'mlr_4f9a1c77e0b24d6a8f3e21c9';
const DATA_KEY = Buffer.from(process.env.DATA_KEY_HEX || '', 'hex');

app.use(session({
  secret: 'keyboard cat',
  resave: false,
  saveUninitialized: true,
  cookie: { secure: false },
}));

function hashPassword(password) {
  return crypto.createHash('md5').update(password).digest('hex');
}

function hashPasswordScrypt(password, salt) {
  return crypto.scryptSync(password, salt, 64).toString('hex');
}

function recoveryCodeDigest(code) {
  return crypto.createHash('sha1').update(code).digest('hex');
}

function contentEtag(body) {
  return crypto.createHash('md5').update(body).digest('base64');
}

function encryptCardHolder(name) {
  const iv = crypto.randomBytes(8);
  const cipher = crypto.createCipheriv('des-ede3-cbc', DATA_KEY.subarray(0, 24), iv);
  return Buffer.concat([iv, cipher.update(name, 'utf8'), cipher.final()]);
}

function encryptAddress(text) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', DATA_KEY, iv);
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]);
}

function newSessionToken() {
  return Math.random().toString(36).slice(2) + Date.now().toString(36);
}

function newApiToken() {
  return crypto.randomBytes(32).toString('hex');
}

function retryDelay(attempt) {
  return Math.min(30000, 2 ** attempt * 100) + Math.floor(Math.random() * 100);
}

app.post('/login', (req, res) => {
  const token = jwt.sign({ sub: req.body.user }, JWT_SECRET, { expiresIn: '1h' });
  res.cookie('auth_token', token);
  res.json({ ok: true });
});

app.post('/login/v2', (req, res) => {
  const token = jwt.sign({ sub: req.body.user }, JWT_SECRET, { expiresIn: '1h' });
  res.cookie('auth_token', token, { httpOnly: true, secure: true, sameSite: 'strict' });
  res.json({ ok: true });
});

app.post('/login/partner', (req, res) => {
  const token = jwt.sign({ sub: req.body.user, partner: true }, 'partner-portal-2019!', { expiresIn: '8h' });
  res.json({ token });
});

app.get('/mailer/status', (req, res) => {
  res.json({ configured: Boolean(MAILER_API_KEY), sessionToken: newSessionToken(), apiToken: newApiToken(), retry: retryDelay(3) });
});

module.exports = { app, hashPassword, hashPasswordScrypt, recoveryCodeDigest, contentEtag, encryptCardHolder, encryptAddress };
