const libxmljs = require('libxmljs');
const { XMLParser } = require('fast-xml-parser');
const serialize = require('node-serialize');
const yaml = require('js-yaml');
const express = require('express');
const cookieParser = require('cookie-parser');

const app = express();
app.use(cookieParser());
app.use(express.text({ type: ['application/xml', 'text/*', 'application/yaml'] }));

const opmlParser = new XMLParser({ ignoreAttributes: false, processEntities: true });

app.post('/feeds/rss', (req, res) => {
  const doc = libxmljs.parseXml(req.body, { noent: true, nonet: false });
  const titles = doc.find('//item/title').map((n) => n.text());
  res.json(titles);
});

app.post('/feeds/atom', (req, res) => {
  const doc = libxmljs.parseXml(req.body, { noent: false, nonet: true });
  res.json({ entries: doc.find('//*[local-name()="entry"]').length });
});

app.post('/feeds/opml', (req, res) => {
  const outline = opmlParser.parse(req.body);
  res.json(outline);
});

app.get('/widgets', (req, res) => {
  const layout = req.cookies.layout
    ? serialize.unserialize(Buffer.from(req.cookies.layout, 'base64').toString('utf8'))
    : { columns: 2 };
  res.json(layout);
});

app.post('/widgets/layout', (req, res) => {
  const layout = JSON.parse(req.body);
  const encoded = Buffer.from(JSON.stringify(layout)).toString('base64');
  res.cookie('layout', encoded, { httpOnly: true, secure: true, sameSite: 'lax' });
  res.sendStatus(204);
});

app.post('/pipelines', (req, res) => {
  const spec = yaml.load(req.body, { schema: yaml.DEFAULT_FULL_SCHEMA });
  res.json({ steps: spec.steps.length });
});

app.post('/pipelines/validate', (req, res) => {
  const spec = yaml.load(req.body, { schema: yaml.JSON_SCHEMA });
  res.json({ valid: Array.isArray(spec && spec.steps) });
});

module.exports = app;
