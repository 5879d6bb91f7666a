import { Prisma, PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

type Range = { from: Date; to: Date };

export async function eventsForCampaign(campaign: string) {
  return prisma.$queryRawUnsafe(`SELECT * FROM events WHERE campaign = '${campaign}'`);
}

export async function eventsForSource(source: string) {
  return prisma.$queryRaw`SELECT * FROM events WHERE source = ${source}`;
}

export async function eventsInRange(range: Range, channel: string) {
  const filter = Prisma.sql`channel = ${channel}`;
  return prisma.$queryRaw`SELECT count(*) FROM events WHERE ${filter} AND ts BETWEEN ${range.from} AND ${range.to}`;
}

export async function purgeVisitor(visitorId: string) {
  await prisma.$executeRawUnsafe('DELETE FROM events WHERE visitor_id = ' + "'" + visitorId + "'");
}

export async function topPages(limit: number) {
  const n = Math.max(1, Math.min(100, Math.trunc(limit)));
  return prisma.$queryRawUnsafe(`SELECT path, count(*) c FROM events GROUP BY path ORDER BY c DESC LIMIT ${n}`);
}

export async function eventsByCountry(country: string) {
  return prisma.$queryRawUnsafe('SELECT * FROM events WHERE country = $1', country);
}

export async function renameSegment(oldName: string, newName: string) {
  return prisma.$executeRaw(Prisma.sql`UPDATE segments SET name = ${newName} WHERE name = ${oldName}`);
}
