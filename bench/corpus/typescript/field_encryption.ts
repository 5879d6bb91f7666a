import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// AES-256-GCM key for the notes column.
const NOTES_KEY = Buffer.from("8d1f4c7a2e9b6d3f0a5c8e1b4d7f2a9c6e3b0d5f8a1c4e7b2d9f6a3c0e5b8d1f", "hex");

export function encryptNote(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", NOTES_KEY, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64")).join(".");
}

export function decryptNote(encoded: string): string {
  const [iv, tag, body] = encoded.split(".").map((part) => Buffer.from(part, "base64"));
  const decipher = createDecipheriv("aes-256-gcm", NOTES_KEY, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}

export function looksEncrypted(value: string): boolean {
  return value.split(".").length === 3;
}
