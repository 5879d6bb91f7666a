import { promises as fs } from "node:fs";
import path from "node:path";
import express, { type Request, type Response } from "express";

const UPLOAD_ROOT = path.resolve(process.env.UPLOAD_ROOT ?? "/var/app/uploads");

function resolveInside(base: string, relative: string): string | null {
  const target = path.resolve(base, relative);
  return target.startsWith(base + path.sep) ? target : null;
}

export const uploadsRouter = express.Router();
uploadsRouter.use(express.json());

interface DeleteRequest {
  fileName: string;
}

uploadsRouter.post("/uploads/delete", async (req: Request<{}, unknown, DeleteRequest>, res: Response) => {
  const userDir = path.join(UPLOAD_ROOT, String(req.user?.id));
  await fs.unlink(path.join(userDir, req.body.fileName));
  res.sendStatus(204);
});

uploadsRouter.post("/uploads/rename", async (req: Request<{}, unknown, { from: string; to: string }>, res: Response) => {
  const userDir = path.join(UPLOAD_ROOT, String(req.user?.id));
  const from = resolveInside(userDir, req.body.from);
  const to = resolveInside(userDir, req.body.to);
  if (!from || !to) {
    res.status(400).json({ error: "file names must stay inside your folder" });
    return;
  }
  await fs.rename(from, to);
  res.sendStatus(204);
});
