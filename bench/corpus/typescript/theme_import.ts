import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import unzipper from "unzipper";
import multer from "multer";
import express, { type Request, type Response } from "express";

const THEMES_DIR = path.resolve(process.env.THEMES_DIR ?? "/var/app/themes");
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 20 * 1024 * 1024 } });

export const themeRouter = express.Router();

// Theme packages are zip files with templates, styles and images.
themeRouter.post("/themes/import", upload.single("package"), async (req: Request, res: Response) => {
  const themeDir = path.join(THEMES_DIR, path.parse(req.file!.originalname).name);
  const archive = await unzipper.Open.buffer(req.file!.buffer);
  for (const entry of archive.files) {
    if (entry.type === "Directory") {
      continue;
    }
    const destination = path.join(themeDir, entry.path);
    await mkdir(path.dirname(destination), { recursive: true });
    await pipeline(entry.stream(), createWriteStream(destination));
  }
  res.status(201).json({ files: archive.files.length });
});

themeRouter.post("/themes/:slug/assets", upload.single("package"), async (req: Request<{ slug: string }>, res: Response) => {
  if (!/^[a-z0-9-]{1,40}$/.test(req.params.slug)) {
    res.status(400).json({ error: "invalid theme name" });
    return;
  }
  const themeDir = path.join(THEMES_DIR, req.params.slug);
  const archive = await unzipper.Open.buffer(req.file!.buffer);
  for (const entry of archive.files) {
    const destination = path.resolve(themeDir, entry.path);
    if (entry.type === "Directory" || !destination.startsWith(themeDir + path.sep)) {
      continue;
    }
    await mkdir(path.dirname(destination), { recursive: true });
    await pipeline(entry.stream(), createWriteStream(destination));
  }
  res.status(201).json({ files: archive.files.length });
});
