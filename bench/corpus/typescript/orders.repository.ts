import type { Knex } from "knex";
import { Router, type Request, type Response } from "express";

export interface OrderRow {
  id: number;
  status: string;
  totalCents: number;
}

export class OrdersRepository {
  constructor(private readonly db: Knex) {}

  async byStatuses(statuses: string[]): Promise<OrderRow[]> {
    const list = statuses.map((s) => `'${s}'`).join(", ");
    const result = await this.db.raw(
      `select id, status, total_cents as "totalCents" from orders where status in (${list}) order by id desc`,
    );
    return result.rows;
  }

  async byCustomer(customerId: string, statuses: string[]): Promise<OrderRow[]> {
    const result = await this.db.raw(
      'select id, status, total_cents as "totalCents" from orders where customer_id = ? and status = any(?)',
      [customerId, statuses],
    );
    return result.rows;
  }
}

type StatusQuery = { status?: string | string[] };

export function ordersRouter(repository: OrdersRepository): Router {
  const router = Router();

  router.get("/orders", async (req: Request<{}, OrderRow[], unknown, StatusQuery>, res: Response<OrderRow[]>) => {
    const statuses = ([] as string[]).concat(req.query.status ?? "open");
    res.json(await repository.byStatuses(statuses));
  });

  router.get(
    "/customers/:customerId/orders",
    async (req: Request<{ customerId: string }, OrderRow[], unknown, StatusQuery>, res: Response<OrderRow[]>) => {
      const statuses = ([] as string[]).concat(req.query.status ?? ["open", "shipped"]);
      res.json(await repository.byCustomer(req.params.customerId, statuses));
    },
  );

  return router;
}
