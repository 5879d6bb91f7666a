import { Body, Controller, Get, Header, Param, ParseIntPipe, Post, Query, Redirect } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { escape } from 'html-escaper';

const SORTABLE: Record<string, string> = { name: 'a.name', created: 'a.created_at' };

interface TagRequest {
  accountId: string;
  tags: string[];
}

@Controller('accounts')
export class AccountsController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get('search')
  async search(@Query('q') q: string, @Query('sort') sort = 'name') {
    const orderBy = SORTABLE[sort] ?? 'a.name';
    return this.db
      .createQueryBuilder()
      .select('a')
      .from('account', 'a')
      .where('a.name ILIKE :q', { q: `%${q}%` })
      .orderBy(orderBy, 'ASC')
      .getMany();
  }

  @Get('by-region')
  async byRegion(@Query('region') region: string) {
    return this.db.query(`SELECT id, name FROM account WHERE region = '${region}'`);
  }

  @Get(':id/ledger')
  async ledger(@Param('id', ParseIntPipe) id: number) {
    return this.db.query(`SELECT * FROM ledger WHERE account_id = ${id} ORDER BY posted_at`);
  }

  @Post('tags')
  async tag(@Body() body: TagRequest) {
    const values = body.tags.map((t) => `('${body.accountId}', '${t}')`).join(', ');
    await this.db.query(`INSERT INTO account_tag (account_id, tag) VALUES ${values}`);
    return { added: body.tags.length };
  }

  @Get(':id/welcome')
  @Header('Content-Type', 'text/html')
  welcome(@Param('id') id: string, @Query('name') name: string) {
    return `<html><body><h1>Welcome, ${name}!</h1><p>Account ${escape(id)}</p></body></html>`;
  }

  @Get(':id/badge')
  @Header('Content-Type', 'text/html')
  badge(@Query('label') label: string) {
    return `<span class="badge">${escape(label)}</span>`;
  }

  @Get('continue')
  @Redirect('/accounts', 302)
  continueTo(@Query('next') next?: string) {
    return next ? { url: next } : undefined;
  }
}
