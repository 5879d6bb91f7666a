import { Body, Controller, Injectable, Post } from '@nestjs/common';
import * as vm from 'node:vm';

interface RuleDto {
  name: string;
  condition: string;
  payload: Record<string, unknown>;
}

const BUILTIN_CONDITIONS: Record<string, (p: Record<string, unknown>) => boolean> = {
  highValue: (p) => Number(p.total) > 1000,
  international: (p) => p.country !== 'US',
};

const FORMATTERS: Record<string, string> = {
  currency: './formatters/currency',
  date: './formatters/date',
};

@Injectable()
export class RuleEvaluator {
  evaluate(condition: string, payload: Record<string, unknown>): boolean {
    const script = new vm.Script(`Boolean(${condition})`);
    return script.runInNewContext({ ...payload }, { timeout: 100 });
  }

  evaluateBuiltin(name: string, payload: Record<string, unknown>): boolean {
    const check = BUILTIN_CONDITIONS[name];
    return check ? check(payload) : false;
  }
}

@Controller('rules')
export class RulesController {
  constructor(private readonly evaluator: RuleEvaluator) {}

  @Post('test')
  test(@Body() rule: RuleDto) {
    return { matched: this.evaluator.evaluate(rule.condition, rule.payload) };
  }

  @Post('builtin')
  builtin(@Body() rule: RuleDto) {
    return { matched: this.evaluator.evaluateBuiltin(rule.name, rule.payload) };
  }

  @Post('transform')
  transform(@Body() body: { fn: string; rows: unknown[] }) {
    const mapper = new Function('row', body.fn) as (row: unknown) => unknown;
    return body.rows.map(mapper);
  }

  @Post('compute')
  compute(@Body() body: { expr: string }) {
    const arithmetic = body.expr.replace(/[^0-9+\-*/(). ]/g, '');
    return { value: eval(arithmetic) };
  }

  @Post('format')
  async format(@Body() body: { kind: string; value: unknown }) {
    const mod = await import(FORMATTERS[body.kind] ?? './formatters/plain');
    return mod.format(body.value);
  }
}
