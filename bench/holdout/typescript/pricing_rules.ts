import express, { Request, Response } from 'express';
import vm from 'node:vm';
import { parse as parseYaml } from 'yaml';
import { plainToInstance } from 'class-transformer';
import * as serialize from 'node-serialize';

class DiscountRule {
  code!: string;
  percent!: number;
}

const BUILTIN: Record<string, (total: number) => number> = {
  tenOff: (t) => t * 0.9,
  freeShipping: (t) => t,
};

export const router = express.Router();

router.post('/rules/eval', (req: Request, res: Response) => {
  const total = Number(req.body.total);
  const adjusted = eval(`(${req.body.rule})(${total})`);
  res.json({ adjusted });
});

router.post('/rules/builtin', (req: Request, res: Response) => {
  const fn = BUILTIN[String(req.body.name)];
  res.json({ adjusted: fn ? fn(Number(req.body.total)) : null });
});

router.post('/rules/script', (req: Request, res: Response) => {
  const script = new vm.Script(String(req.body.source));
  res.json({ adjusted: script.runInNewContext({ total: Number(req.body.total) }) });
});

router.post('/rules/compile', (req: Request, res: Response) => {
  const predicate = new Function('cart', `return ${req.body.condition};`) as (cart: unknown) => boolean;
  res.json({ eligible: predicate(req.body.cart) });
});

router.post('/rules/const', (_req: Request, res: Response) => {
  const version = new Function('return "rules-v3"')();
  res.json({ version });
});

router.post('/rules/import', (req: Request, res: Response) => {
  const rules = serialize.unserialize(String(req.body.blob));
  res.json({ count: Object.keys(rules).length });
});

router.post('/rules/import-yaml', (req: Request, res: Response) => {
  const rules = parseYaml(String(req.body.yaml)) as DiscountRule[];
  res.json({ count: rules.length });
});

router.post('/rules/import-json', (req: Request, res: Response) => {
  const rules = plainToInstance(DiscountRule, JSON.parse(String(req.body.json)) as object[]);
  res.json({ count: rules.length });
});
