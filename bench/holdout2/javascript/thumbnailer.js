const { exec, execFile, spawn } = require('child_process');
const fs = require('fs/promises');
const path = require('path');
const express = require('express');

const app = express();
const MEDIA_ROOT = path.resolve(__dirname, 'media');
const FORMATS = new Set(['png', 'jpg', 'webp']);

app.post('/thumbnails', express.json(), (req, res) => {
  const { source, width } = req.body;
  exec(`convert ${source} -resize ${width}x thumbs/out.png`, (err, stdout) => {
    if (err) return res.status(500).json({ error: 'convert failed' });
    res.json({ ok: true, log: stdout });
  });
});

app.post('/thumbnails/safe', express.json(), (req, res) => {
  const format = FORMATS.has(req.body.format) ? req.body.format : 'png';
  const input = path.join(MEDIA_ROOT, path.basename(req.body.source));
  execFile('convert', [input, '-resize', '200x', `thumbs/out.${format}`], (err) => {
    res.status(err ? 500 : 201).end();
  });
});

app.get('/media/:name', async (req, res) => {
  const file = path.join(MEDIA_ROOT, req.params.name);
  const data = await fs.readFile(file);
  res.type(path.extname(file)).send(data);
});

app.get('/media/download', async (req, res) => {
  const requested = path.resolve(MEDIA_ROOT, String(req.query.path));
  if (!requested.startsWith(MEDIA_ROOT + path.sep)) {
    return res.status(403).send('forbidden');
  }
  res.download(requested);
});

app.delete('/media', express.json(), async (req, res) => {
  const target = `${MEDIA_ROOT}/${req.body.file}`;
  await fs.unlink(target);
  res.sendStatus(204);
});

function probe(file, cb) {
  const ffprobe = spawn('sh', ['-c', `ffprobe -v quiet -print_format json -show_format "${file}"`]);
  let out = '';
  ffprobe.stdout.on('data', (chunk) => {
    out += chunk;
  });
  ffprobe.on('close', () => cb(JSON.parse(out)));
}

app.get('/media/info', (req, res) => {
  probe(req.query.file, (info) => res.json(info));
});

app.post('/maintenance/cleanup', (req, res) => {
  exec('find /tmp/thumbs -type f -mtime +7 -delete', (err) => {
    res.json({ cleaned: !err });
  });
});

app.listen(process.env.PORT || 3000);
