import { randomBytes } from "node:crypto";
import express, { type Request, type Response } from "express";
import { findClient, saveAuthorizationCode } from "./oauth_store";

type AuthorizeQuery = {
  client_id?: string;
  redirect_uri?: string;
  state?: string;
  scope?: string;
};

export const oauthRouter = express.Router();

oauthRouter.get("/oauth/authorize", async (req: Request<{}, unknown, unknown, AuthorizeQuery>, res: Response) => {
  const client = await findClient(req.query.client_id ?? "");
  if (!client) {
    res.status(400).send("unknown client");
    return;
  }
  const code = randomBytes(24).toString("base64url");
  await saveAuthorizationCode(code, client.id, req.user!.id, req.query.scope ?? "openid");
  const state = encodeURIComponent(req.query.state ?? "");
  res.redirect(`${req.query.redirect_uri}?code=${code}&state=${state}`);
});

oauthRouter.get("/oauth/v2/authorize", async (req: Request<{}, unknown, unknown, AuthorizeQuery>, res: Response) => {
  const client = await findClient(req.query.client_id ?? "");
  const redirectUri = req.query.redirect_uri ?? "";
  if (!client || !client.redirectUris.includes(redirectUri)) {
    res.status(400).send("redirect_uri is not registered for this client");
    return;
  }
  const code = randomBytes(24).toString("base64url");
  await saveAuthorizationCode(code, client.id, req.user!.id, req.query.scope ?? "openid");
  const target = new URL(redirectUri);
  target.searchParams.set("code", code);
  target.searchParams.set("state", req.query.state ?? "");
  res.redirect(target.toString());
});
