const fs = require('fs');
const ldap = require('ldapjs');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const express = require('express');

const router = express.Router();
const client = ldap.createClient({ url: process.env.LDAP_URL });
const catalogXml = fs.readFileSync(`${__dirname}/catalog.xml`, 'utf8');
const catalog = new DOMParser().parseFromString(catalogXml, 'text/xml');

function escapeFilter(value) {
  return String(value).replace(/[\\*()\0]/g, (ch) => '\\' + ch.charCodeAt(0).toString(16).padStart(2, '0'));
}

function collect(search, res) {
  const entries = [];
  search.on('searchEntry', (entry) => entries.push(entry.pojo));
  search.on('error', () => res.status(502).end());
  search.on('end', () => res.json(entries));
}

router.get('/people', (req, res) => {
  const filter = `(&(objectClass=person)(cn=*${req.query.name}*))`;
  client.search('ou=people,dc=corp,dc=example', { filter, scope: 'sub' }, (err, search) => {
    if (err) return res.status(500).end();
    collect(search, res);
  });
});

router.get('/people/by-mail', (req, res) => {
  const opts = { filter: `(mail=${escapeFilter(req.query.mail)})`, scope: 'sub', attributes: ['cn', 'mail'] };
  client.search('ou=people,dc=corp,dc=example', opts, (err, search) => {
    if (err) return res.status(500).end();
    collect(search, res);
  });
});

router.post('/people/verify', express.json(), (req, res) => {
  const { username, password } = req.body;
  const userClient = ldap.createClient({ url: process.env.LDAP_URL });
  userClient.bind(`uid=${username},ou=people,dc=corp,dc=example`, password, (err) => {
    userClient.unbind();
    res.json({ valid: !err });
  });
});

router.get('/catalog/item', (req, res) => {
  const nodes = xpath.select(`//item[@sku='${req.query.sku}']/price/text()`, catalog);
  res.json(nodes.map(String));
});

router.get('/catalog/category/:slug', (req, res) => {
  const { slug } = req.params;
  if (!/^[a-z0-9-]{1,40}$/.test(slug)) return res.status(400).end();
  const nodes = xpath.select(`//category[@slug='${slug}']/item/@sku`, catalog);
  res.json(nodes.map((n) => n.value));
});

router.get('/catalog/related', (req, res) => {
  const query = xpath.parse('//item[@sku=$sku]/related/@ref');
  const nodes = query.select({ node: catalog, variables: { sku: String(req.query.sku) } });
  res.json(nodes.map((n) => n.value));
});

module.exports = router;
