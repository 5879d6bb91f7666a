import { createHash } from "node:crypto";
import express, { type Request, type Response } from "express";

const CDN_ORIGIN = process.env.CDN_ORIGIN ?? "https://cdn.example-shop.com";
const MAX_BYTES = 5 * 1024 * 1024;

export const imageProxyRouter = express.Router();

function assetPath(req: Request): string {
  const region = req.header("x-asset-region");
  return region ? `https://${region}/assets` : `${CDN_ORIGIN}/assets`;
}

// Product images are proxied so the storefront can serve them from its own domain.
imageProxyRouter.get("/img/:id", async (req: Request<{ id: string }>, res: Response) => {
  const id = Number.parseInt(req.params.id, 10);
  if (!(Number.isInteger(id) && id > 0)) {
    res.sendStatus(404);
    return;
  }
  const upstream = await fetch(`${assetPath(req)}/${id}.webp`);
  const body = Buffer.from(await upstream.arrayBuffer());
  if (!upstream.ok || body.length > MAX_BYTES) {
    res.sendStatus(502);
    return;
  }
  res.type("image/webp").set("Cache-Control", "public, max-age=86400").send(body);
});

imageProxyRouter.get("/img/v2/:id", async (req: Request<{ id: string }>, res: Response) => {
  const id = Number.parseInt(req.params.id, 10);
  if (!(Number.isInteger(id) && id > 0)) {
    res.sendStatus(404);
    return;
  }
  const upstream = await fetch(`${CDN_ORIGIN}/assets/${id}.webp`);
  if (!upstream.ok) {
    res.sendStatus(502);
    return;
  }
  const body = Buffer.from(await upstream.arrayBuffer());
  const etag = createHash("md5").update(body).digest("hex");
  res.type("image/webp").set({ "Cache-Control": "public, max-age=86400", ETag: `"${etag}"` }).send(body);
});
