import { createHash } from "node:crypto";
import express, { type Request, type Response } from "express";

const LINK_SECRET = process.env.DOWNLOAD_LINK_SECRET ?? "";
const LINK_TTL_SECONDS = 15 * 60;

function signature(path: string, expires: number): string {
  return createHash("md5").update(`${LINK_SECRET}:${path}:${expires}`).digest("hex");
}

export function signedDownloadUrl(path: string, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + LINK_TTL_SECONDS;
  return `/downloads${path}?expires=${expires}&sig=${signature(path, expires)}`;
}

export const downloadsRouter = express.Router();

downloadsRouter.get("/downloads/*", (req: Request, res: Response, next) => {
  const path = req.path.replace(/^\/downloads/, "");
  const expires = Number(req.query.expires);
  if (!Number.isFinite(expires) || expires < Date.now() / 1000 || req.query.sig !== signature(path, expires)) {
    res.sendStatus(403);
    return;
  }
  next();
});
