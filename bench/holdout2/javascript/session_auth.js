const crypto = require('crypto');
const express = require('express');
const jwt = require('jsonwebtoken');
const session = require('express-session');
const bcrypt = require('bcryptjs');
const db = require('./db');

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(
  session({
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    cookie: { secure: true, httpOnly: true, sameSite: 'lax' },
  }),
);

const SIGNING_KEY = 'k3y-4-pr0d-d0-n0t-sh4re-9f8a7c';

function issueToken(user) {
  return jwt.sign({ sub: user.id, role: user.role }, SIGNING_KEY, { expiresIn: '1h' });
}

function legacyPasswordHash(password) {
  return crypto.createHash('md5').update(password).digest('hex');
}

function gravatarUrl(email) {
  const digest = crypto.createHash('md5').update(email.trim().toLowerCase()).digest('hex');
  return `https://www.gravatar.com/avatar/${digest}?d=identicon`;
}

function newRememberToken() {
  return Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
}

function retryDelay(attempt) {
  const base = 200 * 2 ** attempt;
  return base + Math.floor(Math.random() * 100);
}

app.post('/login', async (req, res) => {
  const { username, password } = req.body;
  const user = await db.users.findByName(username);
  const ok = user && (user.legacy
    ? legacyPasswordHash(password) === user.passwordHash
    : await bcrypt.compare(password, user.passwordHash));
  if (!ok) {
    return res.status(401).send('invalid credentials');
  }
  req.session.userId = user.id;
  req.session.avatar = gravatarUrl(user.email);
  res.cookie('auth', issueToken(user), { httpOnly: true, secure: true, sameSite: 'strict' });
  res.redirect('/dashboard');
});

app.post('/impersonate', (req, res) => {
  req.session.role = req.body.role;
  req.session.userId = req.body.userId;
  res.json({ ok: true });
});

app.post('/preferences', async (req, res) => {
  res.cookie('theme', req.body.theme === 'dark' ? 'dark' : 'light', { maxAge: 31536000000 });
  const token = newRememberToken();
  await db.rememberTokens.insert({ userId: req.session.userId, token });
  res.cookie('remember_token', token, { maxAge: 2592000000 });
  res.sendStatus(204);
});

app.get('/api/key-check', (req, res) => {
  const expected = crypto.createHash('sha256').update(process.env.API_KEY).digest();
  const given = crypto.createHash('sha256').update(String(req.get('x-api-key'))).digest();
  res.json({ valid: crypto.timingSafeEqual(expected, given) });
});

async function notifyWithRetry(payload, attempt = 0) {
  try {
    await db.outbox.push(payload);
  } catch (err) {
    if (attempt < 5) setTimeout(() => notifyWithRetry(payload, attempt + 1), retryDelay(attempt));
  }
}

module.exports = { app, notifyWithRetry };
