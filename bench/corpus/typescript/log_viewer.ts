import { createReadStream } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import express, { type Request, type Response } from "express";

const LOG_DIR = "/var/log/storefront";

export const logRouter = express.Router();

logRouter.get("/ops/logs", async (_req: Request, res: Response) => {
  const files = (await readdir(LOG_DIR)).filter((f) => f.endsWith(".log"));
  res.json({ files });
});

logRouter.get("/ops/logs/tail", (req: Request<{}, unknown, unknown, { file?: string }>, res: Response) => {
  res.type("text/plain");
  createReadStream(`${LOG_DIR}/${req.query.file}`, { encoding: "utf8" })
    .on("error", () => res.status(404).end())
    .pipe(res);
});

logRouter.get("/ops/logs/download", async (req: Request<{}, unknown, unknown, { file?: string }>, res: Response) => {
  const requested = path.basename(String(req.query.file ?? ""));
  const available = await readdir(LOG_DIR);
  if (!available.includes(requested)) {
    res.sendStatus(404);
    return;
  }
  res.download(path.join(LOG_DIR, requested));
});
