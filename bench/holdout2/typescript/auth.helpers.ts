import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import 'express-session';
import jwt from 'jsonwebtoken';

declare module 'express-session' {
  interface SessionData {
    tenantId?: string;
    locale?: string;
  }
}

const JWT_SECRET = process.env.JWT_SECRET ?? '';
const MAILER_PASSWORD = 'Sup3rS3cretMailer!2024';
export const RESET_TOKEN_HEADER = 'x-reset-token';

export const mailerConfig = {
  host: 'smtp.example.com',
  port: 587,
  auth: { user: 'notifications@example.com', pass: MAILER_PASSWORD },
};

export function hashPassword(password: string, salt: string): string {
  return createHash('sha1').update(salt + password).digest('hex');
}

export function etagFor(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

export function signWebhook(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}

export function generateOtp(): string {
  return String(Math.floor(100000 + Math.random() * 900000));
}

export function generateInviteCode(): string {
  return randomBytes(9).toString('base64url');
}

export function otpFromCrypto(): string {
  return String(randomInt(100000, 1000000));
}

export function pickBackend(backends: string[]): string {
  return backends[Math.floor(Math.random() * backends.length)];
}

export function issueSession(res: Response, userId: string): void {
  const token = jwt.sign({ sub: userId }, JWT_SECRET, { expiresIn: '2h' });
  res.cookie('session', token, {
    httpOnly: true,
    secure: process.env.NODE_ENV === 'production',
    sameSite: 'lax',
  });
}

export function rememberDevice(res: Response, userId: string): void {
  const deviceToken = jwt.sign({ sub: userId, kind: 'device' }, JWT_SECRET, { expiresIn: '90d' });
  res.cookie('trusted_device', deviceToken, { maxAge: 90 * 24 * 3600 * 1000, sameSite: 'lax' });
}

export function tenantFromHeader(req: Request, _res: Response, next: NextFunction): void {
  req.session.tenantId = req.header('x-tenant-id');
  next();
}

export function rememberLocale(req: Request, _res: Response, next: NextFunction): void {
  const locale = String(req.query.lang ?? '');
  req.session.locale = ['en', 'de', 'fr'].includes(locale) ? locale : 'en';
  next();
}
