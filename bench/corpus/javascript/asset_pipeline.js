"use strict";

const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const DIST_DIR = path.join(__dirname, "..", "dist");

// Content hashes in file names let browsers cache assets for a year.
function fingerprint(content) {
  return crypto.createHash("md5").update(content).digest("hex").slice(0, 10);
}

function cacheKey(parts) {
  return crypto.createHash("sha1").update(parts.join("|")).digest("base64url");
}

function buildManifest(files) {
  const manifest = {};
  for (const file of files) {
    const content = fs.readFileSync(path.join(DIST_DIR, file));
    const ext = path.extname(file);
    const hashed = `${path.basename(file, ext)}.${fingerprint(content)}${ext}`;
    fs.copyFileSync(path.join(DIST_DIR, file), path.join(DIST_DIR, hashed));
    manifest[file] = hashed;
  }
  return manifest;
}

function main() {
  const files = fs.readdirSync(DIST_DIR).filter((f) => f.endsWith(".js") || f.endsWith(".css"));
  const manifest = buildManifest(files);
  manifest.cacheKey = cacheKey(Object.values(manifest).sort());
  fs.writeFileSync(path.join(DIST_DIR, "manifest.json"), JSON.stringify(manifest, null, 2));
  console.log(`fingerprinted ${files.length} files`);
}

main();
