import { createHmac } from "node:crypto";
import compare from "tsscmp";
import express, { type Request, type Response } from "express";

const BILLING_WEBHOOK_SECRET = "bw_live_3f9b2c7e1a8d4f6b0e5c9a2d7f1b8e4c";

function verifyBillingSignature(payload: Buffer, header: string, secret: string): boolean {
  const parts = Object.fromEntries(header.split(",").map((kv) => kv.split("=") as [string, string]));
  const expected = createHmac("sha256", secret).update(`${parts.t}.${payload.toString("utf8")}`).digest("hex");
  return compare(parts.v1 ?? "", expected);
}

export const webhookRouter = express.Router();

webhookRouter.post("/webhooks/billing", express.raw({ type: "application/json" }), (req: Request, res: Response) => {
  if (!verifyBillingSignature(req.body as Buffer, req.header("billing-signature") ?? "", BILLING_WEBHOOK_SECRET)) {
    res.sendStatus(400);
    return;
  }
  const event = JSON.parse((req.body as Buffer).toString("utf8")) as { type: string };
  res.json({ received: event.type });
});
