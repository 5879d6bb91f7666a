import type { NextApiRequest, NextApiResponse } from 'next';
import got from 'got';
import sanitizeHtml from 'sanitize-html';

const IMAGE_CDN = 'https://images.cdn.example.net';
const PREVIEW_HOSTS = new Set(['blog.example.net', 'docs.example.net']);

export async function previewHandler(req: NextApiRequest, res: NextApiResponse) {
  const url = String(req.query.url);
  const html = await got(url, { timeout: { request: 3000 } }).text();
  res.status(200).json({ size: html.length });
}

export async function trustedPreviewHandler(req: NextApiRequest, res: NextApiResponse) {
  const parsed = new URL(String(req.query.url));
  if (parsed.protocol !== 'https:' || !PREVIEW_HOSTS.has(parsed.hostname)) {
    return res.status(400).json({ error: 'host not allowed' });
  }
  const html = await got(parsed.toString(), { followRedirect: false }).text();
  res.status(200).json({ size: html.length });
}

export async function imageProxy(req: NextApiRequest, res: NextApiResponse) {
  const id = String(req.query.id).replace(/[^a-z0-9-]/gi, '');
  const img = await got(`${IMAGE_CDN}/${id}.webp`).buffer();
  res.setHeader('Content-Type', 'image/webp').send(img);
}

export async function mirrorHandler(req: NextApiRequest, res: NextApiResponse) {
  const { source } = req.body as { source: string };
  const upstream = await fetch(source);
  res.status(upstream.status).send(await upstream.text());
}

export function greetingHandler(req: NextApiRequest, res: NextApiResponse) {
  const who = String(req.query.who ?? 'guest');
  res.setHeader('Content-Type', 'text/html');
  res.send(`<p>Signed in as <strong>${who}</strong></p>`);
}

export function bioHandler(req: NextApiRequest, res: NextApiResponse) {
  const bio = String(req.body.bio ?? '');
  res.setHeader('Content-Type', 'text/html');
  res.send(`<section>${sanitizeHtml(bio, { allowedTags: ['b', 'i', 'a'] })}</section>`);
}

export function exitHandler(req: NextApiRequest, res: NextApiResponse) {
  res.redirect(307, String(req.query.to));
}

export function localeHandler(req: NextApiRequest, res: NextApiResponse) {
  const locale = req.query.locale === 'de' ? 'de' : 'en';
  res.redirect(307, `/${locale}/home`);
}
