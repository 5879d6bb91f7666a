import express, { Request, Response } from 'express';
import got from 'got';

const router = express.Router();
const BILLING_URL = process.env.BILLING_URL ?? 'http://billing.internal:8080';
const ALLOWED_CALLBACK_HOSTS = ['hooks.slack.com', 'example-partner.com'];

interface WebhookBody {
  callbackUrl: string;
  event: string;
}

function isAllowedHost(hostname: string): boolean {
  return ALLOWED_CALLBACK_HOSTS.some((h) => hostname === h || hostname.endsWith(`.${h}`));
}

router.post('/webhooks/test', async (req: Request<{}, {}, WebhookBody>, res: Response) => {
  const { callbackUrl, event } = req.body;
  const reply = await fetch(callbackUrl, { method: 'POST', body: JSON.stringify({ event }) });
  res.json({ status: reply.status });
});

router.post('/webhooks/register', async (req: Request<{}, {}, WebhookBody>, res: Response) => {
  const url = new URL(req.body.callbackUrl);
  if (url.protocol !== 'https:' || !isAllowedHost(url.hostname)) {
    return res.status(400).json({ error: 'callback host not allowed' });
  }
  await got.post(url, { json: { event: 'ping' }, timeout: { request: 3000 } });
  res.status(201).end();
});

router.get('/invoices/:id', async (req: Request, res: Response) => {
  const invoice = await got(`${BILLING_URL}/invoices/${encodeURIComponent(req.params.id)}`).json();
  res.json(invoice);
});

router.get('/proxy/image', (req: Request, res: Response) => {
  const src = String(req.query.src);
  got.stream(src).pipe(res);
});

export default router;
