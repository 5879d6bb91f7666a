import { readFileSync } from "node:fs";
import { Controller, Get, Injectable, Query } from "@nestjs/common";
import { DOMParser } from "@xmldom/xmldom";
import * as xpath from "xpath";

export interface Book {
  isbn: string;
  title: string;
}

// Quote a value as an XPath 1.0 string literal, using concat() when it holds both quote kinds.
function xpathLiteral(value: string): string {
  if (!value.includes("'")) {
    return `'${value}'`;
  }
  if (!value.includes('"')) {
    return `"${value}"`;
  }
  return `concat('${value.split("'").join(`', "'", '`)}')`;
}

@Injectable()
export class LibraryCatalogService {
  private readonly doc = new DOMParser().parseFromString(readFileSync("/srv/library/catalog.xml", "utf8"), "text/xml");

  private toBooks(nodes: xpath.SelectReturnType): Book[] {
    return (nodes as Element[]).map((n) => ({
      isbn: n.getAttribute("isbn") ?? "",
      title: String(xpath.select("string(title)", n)),
    }));
  }

  byAuthor(author: string): Book[] {
    return this.toBooks(xpath.select(`//book[author=${xpathLiteral(author)}]`, this.doc));
  }

  byPublisher(publisher: string): Book[] {
    return this.toBooks(xpath.select(`//book[publisher='${publisher}']`, this.doc));
  }
}

@Controller("library")
export class LibraryController {
  constructor(private readonly catalog: LibraryCatalogService) {}

  @Get("books")
  books(@Query("author") author?: string, @Query("publisher") publisher?: string): Book[] {
    return author ? this.catalog.byAuthor(author) : this.catalog.byPublisher(publisher ?? "");
  }
}
