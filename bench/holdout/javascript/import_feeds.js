'use strict';

const fastify = require('fastify')({ logger: true });
const libxmljs = require('libxmljs2');
const { XMLParser } = require('fast-xml-parser');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const serialize = require('node-serialize');
const yaml = require('js-yaml');

fastify.addContentTypeParser('application/xml', { parseAs: 'string' }, (req, body, done) => done(null, body));

fastify.post('/feeds/products', async (request) => {
  const doc = libxmljs.parseXml(request.body, { noent: true, dtdload: true });
  return { products: doc.find('//product').length };
});

fastify.post('/feeds/prices', async (request) => {
  const doc = libxmljs.parseXml(request.body, { noent: false, nonet: true });
  return { prices: doc.find('//price').length };
});

fastify.post('/feeds/stock', async (request) => {
  const parser = new XMLParser({ ignoreAttributes: false });
  const parsed = parser.parse(request.body);
  return { items: (parsed.stock && parsed.stock.item || []).length };
});

fastify.post('/feeds/lookup', async (request) => {
  const doc = new DOMParser().parseFromString(request.body.xml, 'text/xml');
  const sku = request.body.sku;
  const nodes = xpath.select("//product[@sku='" + sku + "']/name/text()", doc);
  return { names: nodes.map(String) };
});

fastify.post('/feeds/lookup-safe', async (request) => {
  const doc = new DOMParser().parseFromString(request.body.xml, 'text/xml');
  const expr = xpath.parse('//product[@sku=$sku]/name/text()');
  const nodes = expr.select({ node: doc, variables: { sku: String(request.body.sku) } });
  return { names: nodes.map(String) };
});

fastify.post('/feeds/prefs', async (request) => {
  const prefs = serialize.unserialize(Buffer.from(request.headers['x-prefs'], 'base64').toString());
  return { theme: prefs.theme };
});

fastify.post('/feeds/mapping', async (request) => {
  const mapping = yaml.load(request.body.mapping, { schema: yaml.FAILSAFE_SCHEMA });
  return { keys: Object.keys(mapping || {}) };
});

fastify.post('/feeds/state', async (request) => {
  const state = JSON.parse(request.body.state);
  return { step: state.step };
});

module.exports = fastify;
