'use strict';

const Koa = require('koa');
const Router = require('@koa/router');
const axios = require('axios');
const { URL } = require('url');

const app = new Koa();
const router = new Router();

const EMBED_PROVIDERS = new Set(['www.youtube.com', 'vimeo.com', 'open.spotify.com']);

router.get('/unfurl', async (ctx) => {
  const target = ctx.query.url;
  const page = await axios.get(target, { timeout: 4000, maxRedirects: 2 });
  ctx.body = { length: page.data.length };
});

router.get('/embed', async (ctx) => {
  const target = new URL(String(ctx.query.url));
  if (target.protocol !== 'https:' || !EMBED_PROVIDERS.has(target.hostname)) {
    ctx.throw(400, 'provider not supported');
  }
  const oembed = await axios.get(target.toString(), { timeout: 4000, maxRedirects: 0 });
  ctx.body = oembed.data;
});

router.get('/avatar/:user', async (ctx) => {
  const user = encodeURIComponent(ctx.params.user);
  const profile = await axios.get(`https://api.github.com/users/${user}`);
  ctx.body = { avatar: profile.data.avatar_url };
});

router.post('/webhooks/replay', async (ctx) => {
  const { endpoint, payload } = ctx.request.body;
  const resp = await fetch(endpoint, { method: 'POST', body: JSON.stringify(payload) });
  ctx.body = { status: resp.status };
});

router.get('/unfurl/title', async (ctx) => {
  const title = ctx.query.title || '';
  ctx.type = 'html';
  ctx.body = `<div class="card"><h3>${title}</h3></div>`;
});

router.get('/unfurl/title.txt', async (ctx) => {
  const title = ctx.query.title || '';
  ctx.type = 'text/plain';
  ctx.body = `Card: ${title}`;
});

app.use(router.routes());
module.exports = app;
