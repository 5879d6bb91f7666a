import { randomBytes } from "node:crypto";
import express, { type Request, type Response } from "express";
import { serialize } from "cookie";
import { sessionStore } from "./session_store";

export const legacyRouter = express.Router();
legacyRouter.use(express.urlencoded({ extended: false }));

legacyRouter.post("/legacy/login", async (req: Request, res: Response) => {
  const user = await sessionStore.authenticate(String(req.body.username), String(req.body.password));
  if (!user) {
    res.status(401).send("Invalid login");
    return;
  }
  const sessionId = randomBytes(32).toString("hex");
  await sessionStore.create(sessionId, { userId: user.id });
  res.setHeader("Set-Cookie", `LEGACYSESSID=${sessionId}; Path=/; Max-Age=28800`);
  res.redirect("/legacy/home");
});

legacyRouter.post("/v2/login", async (req: Request, res: Response) => {
  const user = await sessionStore.authenticate(String(req.body.username), String(req.body.password));
  if (!user) {
    res.status(401).send("Invalid login");
    return;
  }
  const sessionId = randomBytes(32).toString("hex");
  await sessionStore.create(sessionId, { userId: user.id });
  res.setHeader(
    "Set-Cookie",
    serialize("SESSID", sessionId, { httpOnly: true, secure: true, sameSite: "lax", path: "/", maxAge: 28800 }),
  );
  res.redirect("/home");
});
