import express, { type Request, type Response } from "express";
import mysql, { type RowDataPacket } from "mysql2/promise";
import { QueryTypes, Sequelize } from "sequelize";

const pool = mysql.createPool({ uri: process.env.REPORTS_DATABASE_URL, connectionLimit: 5 });
const sequelize = new Sequelize(process.env.ANALYTICS_DATABASE_URL ?? "", { logging: false });

interface RevenueFilters {
  region?: string;
  channel?: string;
  from?: string;
}

function tenantOf(req: Request): string {
  return req.header("x-tenant") ?? "public";
}

export const reportsRouter = express.Router();
reportsRouter.use(express.json());

reportsRouter.get("/reports/usage", async (req: Request, res: Response) => {
  const tenant = tenantOf(req);
  const [rows] = await pool.query<RowDataPacket[]>(
    "SELECT day, requests, errors FROM usage_daily WHERE tenant = '" + tenant + "' ORDER BY day DESC LIMIT 90",
  );
  res.json(rows);
});

reportsRouter.post("/reports/revenue", async (req: Request<{}, unknown, RevenueFilters>, res: Response) => {
  const clauses: string[] = ["1 = 1"];
  if (req.body.region) {
    clauses.push(`region = '${req.body.region}'`);
  }
  if (req.body.channel) {
    clauses.push(`channel = '${req.body.channel}'`);
  }
  const sql = ["SELECT month, SUM(amount_cents) AS total FROM revenue WHERE", clauses.join(" AND "), "GROUP BY month"].join(" ");
  res.json(await sequelize.query(sql, { type: QueryTypes.SELECT }));
});

reportsRouter.post("/reports/revenue/v2", async (req: Request<{}, unknown, RevenueFilters>, res: Response) => {
  const rows = await sequelize.query(
    "SELECT month, SUM(amount_cents) AS total FROM revenue WHERE region = $1 AND booked_on >= $2 GROUP BY month",
    { bind: [req.body.region ?? "eu", req.body.from ?? "1970-01-01"], type: QueryTypes.SELECT },
  );
  res.json(rows);
});
