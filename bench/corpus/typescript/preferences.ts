import express, { type Request, type Response } from "express";
import session from "express-session";
import connectPg from "connect-pg-simple";

const PgStore = connectPg(session);
const PLANS = ["free", "team", "enterprise"] as const;
type Plan = (typeof PLANS)[number];

declare module "express-session" {
  interface SessionData {
    plan?: Plan;
    currency?: string;
    referrer?: string;
  }
}

export const preferencesApp = express();
preferencesApp.use(express.json());
preferencesApp.use(
  session({
    store: new PgStore({ conString: process.env.DATABASE_URL }),
    secret: process.env.SESSION_SECRET ?? "",
    resave: false,
    saveUninitialized: false,
    cookie: { secure: false, maxAge: 24 * 60 * 60 * 1000 },
  }),
);

// Pricing page remembers the plan tier the visitor is looking at.
preferencesApp.post("/pricing/plan", (req: Request<{}, unknown, { plan: Plan }>, res: Response) => {
  req.session.plan = req.body.plan;
  res.sendStatus(204);
});

preferencesApp.post("/pricing/currency", (req: Request<{}, unknown, { currency: string }>, res: Response) => {
  const currency = String(req.body.currency).toUpperCase();
  req.session.currency = ["USD", "EUR", "GBP"].includes(currency) ? currency : "USD";
  res.sendStatus(204);
});

preferencesApp.get("/landing", (req: Request, res: Response) => {
  req.session.referrer = req.get("referer") ?? "";
  res.redirect("/pricing");
});
