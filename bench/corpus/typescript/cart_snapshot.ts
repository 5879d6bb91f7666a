import express, { type Request, type Response } from "express";
import cookieParser from "cookie-parser";
import serialize from "node-serialize";

interface CartLine {
  sku: string;
  qty: number;
}

export const cartRouter = express.Router();
cartRouter.use(cookieParser());
cartRouter.use(express.json());

// Guests keep their cart in a cookie until they sign in.
cartRouter.get("/cart", (req: Request, res: Response) => {
  const snapshot: string | undefined = req.cookies.cart;
  const lines: CartLine[] = snapshot ? serialize.unserialize(decodeURIComponent(snapshot)) : [];
  res.json({ lines });
});

cartRouter.put("/cart", (req: Request<{}, unknown, { lines: CartLine[] }>, res: Response) => {
  const lines = (req.body.lines ?? []).slice(0, 50).map((l) => ({ sku: String(l.sku), qty: Math.max(1, Math.trunc(Number(l.qty)) || 1) }));
  const snapshot = serialize.serialize(lines);
  res.cookie("cart", snapshot, { httpOnly: true, secure: true, sameSite: "lax", maxAge: 7 * 24 * 3600 * 1000 });
  res.json({ lines });
});
