import { BadRequestException, Controller, Get, Query, Redirect } from "@nestjs/common";

const PARTNER_HOSTS = new Set(["shop.partner-one.com", "store.partner-two.io"]);

@Controller("out")
export class OutboundLinksController {
  // Marketing emails link here so clicks are counted before leaving the site.
  @Get()
  @Redirect()
  follow(@Query("to") to: string) {
    return { url: to, statusCode: 302 };
  }

  @Get("partner")
  @Redirect()
  partner(@Query("to") to: string) {
    let target: URL;
    try {
      target = new URL(to);
    } catch {
      throw new BadRequestException("invalid link");
    }
    if (target.protocol !== "https:" || !PARTNER_HOSTS.has(target.hostname)) {
      throw new BadRequestException("unknown partner");
    }
    return { url: target.toString(), statusCode: 302 };
  }
}
