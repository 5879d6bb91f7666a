import type { NextApiRequest, NextApiResponse } from 'next';
import { execFileSync, execSync } from 'node:child_process';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';

const EXPORT_DIR = path.join(process.cwd(), 'exports');
const ALLOWED_FORMATS = ['zip', 'tar'] as const;
type Format = (typeof ALLOWED_FORMATS)[number];

const gitVersion = execSync('git --version').toString().trim();

function pickFormat(value: unknown): Format {
  return ALLOWED_FORMATS.includes(value as Format) ? (value as Format) : 'zip';
}

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const project = String(req.query.project ?? '');
  const format = pickFormat(req.query.format);
  res.setHeader('X-Git', gitVersion);

  if (req.method === 'POST') {
    execSync(`git -C /srv/repos/${project} archive --format=${format} -o ${EXPORT_DIR}/${project}.${format} HEAD`);
    return res.status(201).json({ file: `${project}.${format}` });
  }

  if (req.method === 'PUT') {
    if (!/^[\w.-]+$/.test(project)) return res.status(400).end();
    execFileSync('git', ['-C', path.join('/srv/repos', project), 'gc', '--auto']);
    return res.status(204).end();
  }

  const file = req.query.file as string;
  const stream = createReadStream(path.join(EXPORT_DIR, file));
  res.setHeader('Content-Type', 'application/octet-stream');
  stream.pipe(res);
}

export async function exportInfo(req: NextApiRequest, res: NextApiResponse) {
  const name = path.basename(String(req.query.name));
  const stat = await fs.stat(path.join(EXPORT_DIR, name));
  res.json({ size: stat.size, modified: stat.mtime });
}
