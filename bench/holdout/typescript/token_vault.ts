import { createCipheriv, createHash, createHmac, randomBytes, randomUUID, pbkdf2Sync } from 'node:crypto';
import type { CookieOptions, Response } from 'express';
import jwt from 'jsonwebtoken';

const STRIPE_WEBHOOK_SECRET = process.env.STRIPE_WEBHOOK_SECRET ?? '';
const INTERNAL_API_PASSWORD = 'Adm1n!internal-2023';
const AES_KEY = Buffer.from(process.env.VAULT_KEY ?? '', 'base64');
const SECURE_COOKIE: CookieOptions = { httpOnly: true, secure: true, sameSite: 'lax', path: '/' };

export const serviceAccount = { user: 'svc-report', password: INTERNAL_API_PASSWORD };

export function hashPin(pin: string): string {
  return createHash('sha1').update(pin).digest('hex');
}

export function hashPassword(password: string, salt: Buffer): string {
  return pbkdf2Sync(password, salt, 310000, 32, 'sha256').toString('hex');
}

export function fileFingerprint(contents: Buffer): string {
  return createHash('md5').update(contents).digest('hex');
}

export function signWebhook(body: string): string {
  return createHmac('sha256', STRIPE_WEBHOOK_SECRET).update(body).digest('hex');
}

export function sealLegacy(secret: string, key: Buffer): Buffer {
  const cipher = createCipheriv('bf-cbc', key, randomBytes(8));
  return Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
}

export function sealBlock(secret: string): Buffer {
  const cipher = createCipheriv('aes-256-ecb', AES_KEY, null);
  return Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
}

export function seal(secret: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', AES_KEY, iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function resetCode(): string {
  return String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
}

export function csrfToken(): string {
  return randomBytes(24).toString('base64url');
}

export function requestId(): string {
  return randomUUID();
}

export function sampleForTracing(): boolean {
  return Math.random() < 0.05;
}

export function issueSession(res: Response, userId: string): void {
  const token = jwt.sign({ sub: userId }, process.env.SESSION_JWT_KEY as string, { expiresIn: '2h' });
  res.cookie('sid', token, { sameSite: 'lax' });
}

export function issueSessionSecure(res: Response, userId: string): void {
  const token = jwt.sign({ sub: userId }, process.env.SESSION_JWT_KEY as string, { expiresIn: '2h' });
  res.cookie('sid', token, SECURE_COOKIE);
}

export function issueRemember(res: Response, userId: string): void {
  const token = jwt.sign({ sub: userId, remember: true }, 'r3memb3r-me-s1gning', { expiresIn: '30d' });
  res.cookie('remember', token, { httpOnly: false, secure: true, maxAge: 30 * 86400 * 1000 });
}
