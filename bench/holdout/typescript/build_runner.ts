import { exec, execFileSync, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import express, { Request, Response } from 'express';

const app = express();
app.use(express.json());

const WORKSPACES = path.resolve('/srv/ci/workspaces');
const TARGETS = new Set(['lint', 'test', 'build']);

app.post('/ci/run', (req: Request, res: Response) => {
  const { repo, target } = req.body as { repo: string; target: string };
  exec(`cd ${WORKSPACES}/${repo} && npm run ${target}`, (err, stdout) => {
    res.json({ ok: !err, output: stdout });
  });
});

app.post('/ci/run-checked', (req: Request, res: Response) => {
  const target = String(req.body.target);
  if (!TARGETS.has(target)) return res.status(400).json({ error: 'unknown target' });
  const out = execFileSync('npm', ['run', target], { cwd: WORKSPACES, encoding: 'utf8' });
  res.json({ output: out });
});

app.post('/ci/checkout', (req: Request, res: Response) => {
  const ref = String(req.body.ref);
  const result = spawnSync('git', ['checkout', '--', ref], { cwd: WORKSPACES, encoding: 'utf8' });
  res.json({ status: result.status });
});

app.post('/ci/tag', (req: Request, res: Response) => {
  const tag = String(req.body.tag);
  const result = spawnSync(`git tag ${tag}`, { cwd: WORKSPACES, shell: true, encoding: 'utf8' });
  res.json({ status: result.status });
});

app.get('/ci/node-version', (_req: Request, res: Response) => {
  exec('node --version', (_err, stdout) => res.json({ node: stdout.trim() }));
});

app.get('/ci/logs', async (req: Request, res: Response) => {
  const file = String(req.query.file);
  const text = await fs.readFile(`${WORKSPACES}/logs/${file}`, 'utf8');
  res.type('text/plain').send(text);
});

app.get('/ci/logs-safe', async (req: Request, res: Response) => {
  const file = path.normalize(String(req.query.file)).replace(/^(\.\.(\/|\\|$))+/, '');
  const full = path.join(WORKSPACES, 'logs', file);
  if (!full.startsWith(path.join(WORKSPACES, 'logs') + path.sep)) return res.status(400).end();
  res.type('text/plain').send(await fs.readFile(full, 'utf8'));
});

app.put('/ci/cache/:key', async (req: Request, res: Response) => {
  await fs.writeFile(path.join(WORKSPACES, 'cache', req.params.key), JSON.stringify(req.body));
  res.status(204).end();
});

app.get('/ci/badge/:build', async (req: Request, res: Response) => {
  const build = Number(req.params.build);
  if (!Number.isInteger(build)) return res.status(400).end();
  res.sendFile(path.join(WORKSPACES, 'badges', `${build}.svg`));
});

export default app;
