'use strict';

const { exec, execFile, spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const express = require('express');

const app = express();
app.use(express.json());

const LOG_DIR = '/var/log/deploy';
const ARTIFACTS = path.resolve('/srv/artifacts');

app.post('/tools/ping', (req, res) => {
  const host = req.body.host;
  exec(`ping -c 3 ${host}`, (err, stdout) => {
    res.type('text/plain').send(err ? String(err) : stdout);
  });
});

app.post('/tools/dig', (req, res) => {
  const host = req.body.host;
  execFile('dig', ['+short', host], (err, stdout) => {
    res.type('text/plain').send(err ? 'lookup failed' : stdout);
  });
});

app.post('/tools/git-log', (req, res) => {
  const branch = req.body.branch;
  const child = spawn('sh', ['-c', 'git log --oneline -n 20 ' + branch], { cwd: '/srv/repo' });
  child.stdout.pipe(res);
});

app.get('/tools/uptime', (req, res) => {
  exec('uptime', (err, stdout) => res.type('text/plain').send(stdout));
});

app.get('/tools/logs/:file', (req, res) => {
  fs.readFile(path.join(LOG_DIR, req.params.file), 'utf8', (err, text) => {
    if (err) return res.status(404).end();
    res.type('text/plain').send(text);
  });
});

app.get('/tools/logs-safe/:file', (req, res) => {
  fs.readFile(path.join(LOG_DIR, path.basename(req.params.file)), 'utf8', (err, text) => {
    if (err) return res.status(404).end();
    res.type('text/plain').send(text);
  });
});

app.get('/tools/artifact', (req, res) => {
  res.download(path.join(ARTIFACTS, req.query.name));
});

app.get('/tools/artifact-checked', (req, res) => {
  const full = path.resolve(ARTIFACTS, String(req.query.name));
  if (!full.startsWith(ARTIFACTS + path.sep)) return res.status(400).end();
  res.download(full);
});

app.get('/tools/artifact-root', (req, res) => {
  res.sendFile(req.query.name, { root: ARTIFACTS, dotfiles: 'deny' });
});

module.exports = app;
