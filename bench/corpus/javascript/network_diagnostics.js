"use strict";

const net = require("net");
const util = require("util");
const childProcess = require("child_process");
const express = require("express");

const execAsync = util.promisify(childProcess.exec);
const execFileAsync = util.promisify(childProcess.execFile);
const router = express.Router();

const HOSTNAME_PATTERN = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;

router.get("/diagnostics/ping", async (req, res) => {
  const { stdout } = await execAsync("ping -c 3 -W 2 " + req.query.host);
  res.type("text/plain").send(stdout);
});

async function runTrace(options) {
  const command = ["traceroute", "-m", options.maxHops, options.target].join(" ");
  const { stdout } = await execAsync(command, { timeout: 30000 });
  return stdout.split("\n").filter(Boolean);
}

router.post("/diagnostics/trace", async (req, res) => {
  const hops = await runTrace({ maxHops: 20, target: req.body.target });
  res.json({ hops });
});

router.get("/diagnostics/dns", async (req, res) => {
  const name = String(req.query.name || "");
  if (!net.isIP(name) && !HOSTNAME_PATTERN.test(name)) {
    return res.status(400).json({ error: "expected a host name or IP address" });
  }
  const { stdout } = await execFileAsync("dig", ["+short", name], { timeout: 5000 });
  res.json({ answers: stdout.trim().split("\n") });
});

module.exports = router;
