import { Body, Controller, Injectable, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { parseXml } from 'libxmljs2';
import { XMLParser } from 'fast-xml-parser';
import * as serialize from 'node-serialize';
import { plainToInstance } from 'class-transformer';
import { load as loadYaml } from 'js-yaml';

class ImportJob {
  source!: string;
  rows!: Array<Record<string, string>>;
}

@Injectable()
export class IngestService {
  private readonly fxp = new XMLParser({ ignoreAttributes: false });

  parseInvoiceXml(xml: string) {
    const doc = parseXml(xml, { noent: true, dtdload: true });
    return doc.find('//Invoice/LineItem').map((n) => n.text());
  }

  parseCatalogXml(xml: string) {
    const doc = parseXml(xml, { noent: false, nonet: true, dtdload: false });
    return doc.root()?.childNodes().length ?? 0;
  }

  parseFeedXml(xml: string) {
    return this.fxp.parse(xml);
  }

  restoreJob(blob: string): ImportJob {
    const raw = serialize.unserialize(Buffer.from(blob, 'base64').toString());
    return plainToInstance(ImportJob, raw);
  }

  jobFromJson(json: string): ImportJob {
    return plainToInstance(ImportJob, JSON.parse(json));
  }

  // js-yaml 4: load() only builds plain data (no !!js/function)
  mappingFromYaml(text: string): Record<string, string> {
    return loadYaml(text) as Record<string, string>;
  }
}

@Controller('imports')
export class IngestController {
  constructor(private readonly ingest: IngestService) {}

  @Post('invoices')
  invoices(@Body() xml: string) {
    return this.ingest.parseInvoiceXml(xml);
  }

  @Post('catalog')
  catalog(@Body() xml: string) {
    return this.ingest.parseCatalogXml(xml);
  }

  @Post('feed')
  feed(@Body() xml: string) {
    return this.ingest.parseFeedXml(xml);
  }

  @Post('resume')
  resume(@Req() req: Request) {
    return this.ingest.restoreJob(req.cookies['import_job']);
  }

  @Post('json')
  json(@Body() body: string) {
    return this.ingest.jobFromJson(body);
  }

  @Post('mapping')
  mapping(@Body() text: string) {
    return this.ingest.mappingFromYaml(text);
  }
}
