import { Injectable, Post, Controller, UploadedFile, UseInterceptors } from "@nestjs/common";
import { FileInterceptor } from "@nestjs/platform-express";
import libxmljs from "libxmljs";

export interface SitemapEntry {
  loc: string;
  lastmod?: string;
}

const SITEMAP_NS = { s: "http://www.sitemaps.org/schemas/sitemap/0.9" };

@Injectable()
export class SitemapImportService {
  parse(xml: string): SitemapEntry[] {
    const doc = libxmljs.parseXml(xml, { noent: true, noblanks: true });
    return doc.find<libxmljs.Element>("//s:url", SITEMAP_NS).map((url) => ({
      loc: url.get<libxmljs.Element>("s:loc", SITEMAP_NS)?.text() ?? "",
      lastmod: url.get<libxmljs.Element>("s:lastmod", SITEMAP_NS)?.text(),
    }));
  }
}

@Controller("seo/sitemaps")
export class SitemapImportController {
  constructor(private readonly importer: SitemapImportService) {}

  @Post()
  @UseInterceptors(FileInterceptor("sitemap"))
  upload(@UploadedFile() file: Express.Multer.File) {
    const entries = this.importer.parse(file.buffer.toString("utf8"));
    return { count: entries.length, entries: entries.slice(0, 100) };
  }
}
