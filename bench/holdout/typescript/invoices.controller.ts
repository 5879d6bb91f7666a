import { Controller, Get, Param, ParseIntPipe, Post, Query, Res, Body } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

const ALLOWED_RETURN = ['/invoices', '/dashboard', '/settings/billing'];

@Controller('invoices')
export class InvoicesController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get('search')
  async search(@Query('customer') customer: string) {
    return this.db.query(`SELECT id, amount FROM invoice WHERE customer_name = '${customer}'`);
  }

  @Get('by-number')
  async byNumber(@Query('number') num: string) {
    return this.db.query('SELECT id, amount FROM invoice WHERE number = $1', [num]);
  }

  @Get(':id')
  async one(@Param('id', ParseIntPipe) id: number) {
    return this.db.query(`SELECT * FROM invoice WHERE id = ${id}`);
  }

  @Get('project/:code')
  async byProject(@Param('code') code: string) {
    return this.db
      .createQueryBuilder()
      .select('i.id')
      .from('invoice', 'i')
      .where(`i.project_code = '${code}'`)
      .getRawMany();
  }

  @Get('tagged/:tag')
  async byTag(@Param('tag') tag: string) {
    return this.db
      .createQueryBuilder()
      .select('i.id')
      .from('invoice', 'i')
      .where('i.tag = :tag', { tag })
      .getRawMany();
  }

  @Post('pay')
  pay(@Body('continueUrl') continueUrl: string, @Res() res: Response) {
    return res.redirect(302, continueUrl);
  }

  @Post('archive')
  archive(@Body('continueUrl') continueUrl: string, @Res() res: Response) {
    const target = ALLOWED_RETURN.includes(continueUrl) ? continueUrl : '/invoices';
    return res.redirect(302, target);
  }

  @Get('print/:id')
  print(@Param('id', ParseIntPipe) id: number, @Query('title') title: string, @Res() res: Response) {
    res.type('html').send(`<html><head><title>${title}</title></head><body>Invoice #${id}</body></html>`);
  }
}
