import { Controller, Get, Header, Query } from "@nestjs/common";
import escape from "lodash/escape";

@Controller("embed")
export class GreetingController {
  @Get("badge")
  @Header("Content-Type", "text/html; charset=utf-8")
  badge(@Query("name") name = "friend"): string {
    return `<!doctype html><div class="badge">Thanks for contributing, ${name}!</div>`;
  }

  @Get("badge/v2")
  @Header("Content-Type", "text/html; charset=utf-8")
  badgeV2(@Query("name") name = "friend"): string {
    return `<!doctype html><div class="badge">Thanks for contributing, ${escape(name)}!</div>`;
  }

  @Get("badge.svg")
  @Header("Content-Type", "image/svg+xml")
  badgeSvg(@Query("count") count: string): string {
    const total = Number.isFinite(Number(count)) ? Math.trunc(Number(count)) : 0;
    return `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="20"><text x="6" y="14">${total} commits</text></svg>`;
  }
}
