import { NextRequest, NextResponse } from 'next/server';
import { cookies } from 'next/headers';
import { Prisma, PrismaClient } from '@prisma/client';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const prisma = new PrismaClient();
const TEMPLATE_DIR = path.join(process.cwd(), 'report-templates');
const TEMPLATES = new Map([
  ['monthly', 'monthly.hbs'],
  ['quarterly', 'quarterly.hbs'],
]);

export async function GET(request: NextRequest) {
  const { searchParams } = request.nextUrl;
  const team = searchParams.get('team') ?? '';
  const since = searchParams.get('since') ?? '1970-01-01';

  const rows = await prisma.$queryRawUnsafe(
    `SELECT id, title, created_at FROM report WHERE team = '${team}' AND created_at >= '${since}'`,
  );
  const totals = await prisma.$queryRaw`SELECT count(*) FROM report WHERE team = ${team}`;

  const templateName = TEMPLATES.get(searchParams.get('layout') ?? '') ?? 'monthly.hbs';
  const template = await readFile(path.join(TEMPLATE_DIR, templateName), 'utf8');

  cookies().set('last_team', team, { httpOnly: true, secure: true, sameSite: 'lax' });
  return NextResponse.json({ rows, totals, templateBytes: template.length });
}

export async function POST(request: NextRequest) {
  const body = await request.json();
  const logo = await readFile(path.join(TEMPLATE_DIR, 'logos', body.logo));
  const filter = Prisma.sql`team = ${body.team}`;
  const rows = await prisma.$queryRaw`SELECT * FROM report WHERE ${filter}`;
  const res = NextResponse.json({ rows, logoBytes: logo.length });
  res.cookies.set('reports_session', crypto.randomUUID(), { path: '/reports' });
  return res;
}

export async function PUT(request: NextRequest) {
  const next = request.nextUrl.searchParams.get('next') ?? '/reports';
  return NextResponse.redirect(new URL(next, request.url));
}
