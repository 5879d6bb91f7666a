import axios from "axios";
import express, { type Request, type Response } from "express";

const SLACK_HOSTS = new Set(["hooks.slack.com"]);
const GITHUB_API = "https://api.github.com";
const REPO_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

interface NotifyRequest {
  webhookUrl: string;
  text: string;
}

export const integrationsRouter = express.Router();
integrationsRouter.use(express.json());

integrationsRouter.post("/integrations/notify", async (req: Request<{}, unknown, NotifyRequest>, res: Response) => {
  const { webhookUrl, text } = req.body;
  const result = await axios.post(webhookUrl, { text }, { timeout: 5000 });
  res.json({ delivered: result.status < 300 });
});

integrationsRouter.post("/integrations/slack", async (req: Request<{}, unknown, NotifyRequest>, res: Response) => {
  const url = new URL(req.body.webhookUrl);
  if (url.protocol !== "https:" || !SLACK_HOSTS.has(url.hostname)) {
    res.status(400).json({ error: "only Slack incoming webhooks are supported" });
    return;
  }
  const result = await axios.post(url.toString(), { text: req.body.text }, { timeout: 5000, maxRedirects: 0 });
  res.json({ delivered: result.status < 300 });
});

integrationsRouter.get("/integrations/github/:owner/:repo", async (req: Request<{ owner: string; repo: string }>, res: Response) => {
  const { owner, repo } = req.params;
  if (!REPO_NAME.test(owner) || !REPO_NAME.test(repo)) {
    res.status(400).json({ error: "invalid repository" });
    return;
  }
  const response = await fetch(`${GITHUB_API}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`, {
    headers: { Accept: "application/vnd.github+json" },
  });
  const body = (await response.json()) as { stargazers_count?: number };
  res.json({ stars: body.stargazers_count ?? 0 });
});
