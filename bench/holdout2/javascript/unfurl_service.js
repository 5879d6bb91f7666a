const axios = require('axios');
const express = require('express');

const router = express.Router();
const PARTNER_HOSTS = new Set(['api.partner-one.com', 'hooks.partner-two.io']);

const partnerClient = axios.create({
  baseURL: 'https://api.partner-one.com',
  auth: { username: 'svc-unfurl', password: 'Zq8!vR2#pL9@wX4m' },
  timeout: 5000,
});

function extractTitle(html) {
  const match = /<title>([^<]*)<\/title>/i.exec(String(html));
  return match ? match[1].trim() : null;
}

router.get('/unfurl', async (req, res) => {
  try {
    const response = await axios.get(req.query.url, { timeout: 3000, maxContentLength: 1e6 });
    res.json({ title: extractTitle(response.data) });
  } catch {
    res.status(502).end();
  }
});

router.post('/partners/ping', express.json(), async (req, res) => {
  const target = new URL(req.body.endpoint);
  if (target.protocol !== 'https:' || !PARTNER_HOSTS.has(target.hostname)) {
    return res.status(400).json({ error: 'endpoint not allowed' });
  }
  const reply = await axios.post(target.toString(), { ping: true });
  res.json({ status: reply.status });
});

router.get('/partners/orders/:id', async (req, res) => {
  const { data } = await partnerClient.get(`/orders/${encodeURIComponent(req.params.id)}`);
  res.json(data);
});

router.get('/avatars/:user', async (req, res) => {
  const url = `https://avatars.example-cdn.com/u/${encodeURIComponent(req.params.user)}.png`;
  const image = await fetch(url);
  res.type('png').send(Buffer.from(await image.arrayBuffer()));
});

router.get('/status/:service', async (req, res) => {
  const host = req.params.service + '.internal.svc';
  const health = await fetch(`http://${host}:8080/healthz`);
  res.json({ up: health.ok });
});

async function fetchPreview(link) {
  const { data } = await axios.get(link, { responseType: 'text', timeout: 3000 });
  return extractTitle(data);
}

router.post('/messages', express.json(), async (req, res) => {
  const preview = req.body.link ? await fetchPreview(req.body.link) : null;
  res.status(201).json({ text: req.body.text, preview });
});

module.exports = router;
