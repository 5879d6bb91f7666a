import { execFile, execSync } from "node:child_process";
import { promisify } from "node:util";
import { Router, type Request, type Response } from "express";

const execFileAsync = promisify(execFile);
const REPO = process.env.STATS_REPO_DIR ?? "/srv/repos/main";

interface CommitSummary {
  hash: string;
  author: string;
  subject: string;
}

function parseLog(output: string): CommitSummary[] {
  return output
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [hash, author, subject] = line.split("\x1f");
      return { hash, author, subject };
    });
}

export const statsRouter = Router();

statsRouter.get("/stats/commits", (req: Request<{}, CommitSummary[], unknown, { author?: string }>, res: Response) => {
  const author = req.query.author ?? "";
  const output = execSync(`git log -n 100 --author="${author}" --format='%h%x1f%an%x1f%s'`, { cwd: REPO });
  res.json(parseLog(output.toString()));
});

statsRouter.get("/stats/recent", async (req: Request<{}, CommitSummary[], unknown, { limit?: string }>, res: Response) => {
  const limit = Math.min(Math.max(Number.parseInt(req.query.limit ?? "20", 10) || 20, 1), 500);
  const { stdout } = await execFileAsync("git", ["log", "-n", String(limit), "--format=%h%x1f%an%x1f%s"], { cwd: REPO });
  res.json(parseLog(stdout));
});
