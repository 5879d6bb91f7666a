import { createHash } from "node:crypto";
import express, { type Request, type Response } from "express";
import { saveApiKey } from "./api_key_store";

const KEY_PREFIX = "sk_";

function randomKey(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from({ length: 40 }, () => alphabet.charAt(Math.floor(Math.random() * alphabet.length))).join("");
}

export const apiKeysRouter = express.Router();

apiKeysRouter.post("/settings/api-keys", async (req: Request, res: Response) => {
  const key = KEY_PREFIX + randomKey();
  const digest = createHash("sha256").update(key).digest("hex");
  await saveApiKey(req.user!.id, digest, key.slice(-4));
  res.status(201).json({ key });
});

apiKeysRouter.get("/settings/csrf", (req: Request, res: Response) => {
  const token = (Math.random() * 1e18).toString(36);
  req.session.csrfToken = token;
  res.json({ token });
});
