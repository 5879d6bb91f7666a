import { spawn } from "node:child_process";
import express, { type Request, type Response } from "express";

const EXPORTABLE_TABLES = new Set(["customers", "orders", "invoices", "products"]);

export const exportRouter = express.Router();
exportRouter.use(express.json());

interface ExportRequest {
  table: string;
  where?: string;
}

// Streams a CSV copy of a table to the admin who asked for it.
exportRouter.post("/admin/exports/raw", (req: Request<{}, unknown, ExportRequest>, res: Response) => {
  const { table, where } = req.body;
  const copy = `\\copy (SELECT * FROM ${table} WHERE ${where ?? "true"}) TO STDOUT WITH CSV HEADER`;
  const child = spawn("bash", ["-c", `psql "$DATABASE_URL" -c "${copy}"`]);
  res.type("text/csv");
  child.stdout.pipe(res);
});

exportRouter.post("/admin/exports/dump", (req: Request<{}, unknown, ExportRequest>, res: Response) => {
  const { table } = req.body;
  if (!EXPORTABLE_TABLES.has(table)) {
    res.status(400).json({ error: "table cannot be exported" });
    return;
  }
  const child = spawn("pg_dump", ["--data-only", "--table", table, process.env.DATABASE_URL ?? ""]);
  res.type("application/sql");
  child.stdout.pipe(res);
});
