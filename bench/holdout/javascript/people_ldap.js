'use strict';

const express = require('express');
const session = require('express-session');
const ldap = require('ldapjs');
const { EqualityFilter, AndFilter } = require('ldapjs');

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  cookie: { httpOnly: true, secure: true, sameSite: 'lax' },
}));

const client = ldap.createClient({ url: process.env.LDAP_URL });
const BASE = 'ou=users,dc=example,dc=org';

function collect(searchRes) {
  return new Promise((resolve, reject) => {
    const out = [];
    searchRes.on('searchEntry', (e) => out.push(e.pojo));
    searchRes.on('error', reject);
    searchRes.on('end', () => resolve(out));
  });
}

app.get('/people/find', (req, res) => {
  const name = req.query.name;
  client.search(BASE, { scope: 'sub', filter: '(&(objectClass=inetOrgPerson)(cn=' + name + '))' }, async (err, sr) => {
    if (err) return res.status(500).end();
    res.json(await collect(sr));
  });
});

app.get('/people/by-mail', (req, res) => {
  const filter = new AndFilter({
    filters: [
      new EqualityFilter({ attribute: 'objectClass', value: 'inetOrgPerson' }),
      new EqualityFilter({ attribute: 'mail', value: String(req.query.mail) }),
    ],
  });
  client.search(BASE, { scope: 'sub', filter }, async (err, sr) => {
    if (err) return res.status(500).end();
    res.json(await collect(sr));
  });
});

app.get('/people/group', (req, res) => {
  const group = req.query.group;
  const opts = { scope: 'sub', filter: `(memberOf=cn=${group},ou=groups,dc=example,dc=org)` };
  client.search(BASE, opts, async (err, sr) => {
    if (err) return res.status(500).end();
    res.json(await collect(sr));
  });
});

app.get('/people/admins', (req, res) => {
  client.search(BASE, { scope: 'sub', filter: '(memberOf=cn=admins,ou=groups,dc=example,dc=org)' }, async (err, sr) => {
    if (err) return res.status(500).end();
    res.json(await collect(sr));
  });
});

app.post('/people/impersonate', (req, res) => {
  req.session.actingAs = req.body.username;
  res.json({ ok: true });
});

app.post('/people/language', (req, res) => {
  const lang = ['en', 'de', 'fr'].includes(req.body.lang) ? req.body.lang : 'en';
  req.session.lang = lang;
  res.json({ lang });
});

module.exports = app;
