import vm from "node:vm";
import express, { type Request, type Response } from "express";

interface LineItem {
  sku: string;
  price: number;
  qty: number;
}

interface FilterRequest {
  condition: string;
  items: LineItem[];
}

const ARITHMETIC_ONLY = /^[\d\s+\-*/().]+$/;
const totalScript = new vm.Script("total = items.reduce((sum, i) => sum + i.price * i.qty, 0)");

export const rulesRouter = express.Router();
rulesRouter.use(express.json());

// Lets merchants preview which cart lines a promotion condition would match.
rulesRouter.post("/promotions/preview", (req: Request<{}, unknown, FilterRequest>, res: Response) => {
  const matches = new Function("item", `return (${req.body.condition});`) as (item: LineItem) => boolean;
  res.json({ matched: req.body.items.filter(matches).map((i) => i.sku) });
});

rulesRouter.post("/cart/total", (req: Request<{}, unknown, { items: LineItem[] }>, res: Response) => {
  const items = (req.body.items ?? []).map((i) => ({ sku: String(i.sku), price: Number(i.price), qty: Number(i.qty) }));
  const context = vm.createContext({ items, total: 0 });
  totalScript.runInContext(context, { timeout: 50 });
  res.json({ total: context.total });
});

rulesRouter.get("/calc", (req: Request<{}, unknown, unknown, { expr?: string }>, res: Response) => {
  const expr = req.query.expr ?? "";
  if (!ARITHMETIC_ONLY.test(expr) || expr.length > 200) {
    res.status(400).json({ error: "only numbers and + - * / ( ) are allowed" });
    return;
  }
  res.json({ result: Function(`"use strict"; return (${expr});`)() });
});
