"use strict";

const { spawn, execSync } = require("child_process");
const express = require("express");

const REPO_DIR = process.env.REPO_DIR || "/srv/site";
const BRANCH_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._\/-]{0,99}$/;

const app = express();
app.use(express.json());

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_DIR, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });
}

function currentRevision() {
  return execSync("git rev-parse --short HEAD", { cwd: REPO_DIR }).toString().trim();
}

// Called by the CI server after a successful build.
app.post("/hooks/deploy", async (req, res) => {
  const branch = req.body.ref.replace("refs/heads/", "");
  try {
    await run("sh", ["-c", `git fetch origin && git checkout ${branch} && npm ci && npm run build`]);
    res.json({ deployed: currentRevision() });
  } catch (err) {
    res.status(500).json({ error: err.message });
  }
});

app.post("/hooks/preview", async (req, res) => {
  const branch = String(req.body.branch || "");
  if (!BRANCH_PATTERN.test(branch) || branch.includes("..")) {
    return res.status(400).json({ error: "invalid branch name" });
  }
  try {
    await run("git", ["fetch", "origin", branch]);
    await run("git", ["checkout", "FETCH_HEAD"]);
    res.json({ preview: currentRevision() });
  } catch (err) {
    res.status(500).json({ error: err.message });
  }
});

app.listen(Number(process.env.PORT) || 9000);
