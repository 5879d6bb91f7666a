import { HttpService } from "@nestjs/axios";
import { Body, Controller, Injectable, Post } from "@nestjs/common";
import { firstValueFrom } from "rxjs";
import { XMLParser } from "fast-xml-parser";

export class SubscribeDto {
  feedUrl!: string;
}

export interface FeedItem {
  title: string;
  link: string;
}

@Injectable()
export class FeedReaderService {
  private readonly parser = new XMLParser();

  constructor(private readonly http: HttpService) {}

  async fetchItems(feedUrl: string): Promise<FeedItem[]> {
    const response = await firstValueFrom(this.http.get<string>(feedUrl, { responseType: "text", timeout: 8000 }));
    const feed = this.parser.parse(response.data);
    const items = feed?.rss?.channel?.item ?? [];
    return (Array.isArray(items) ? items : [items]).map((i: FeedItem) => ({ title: i.title, link: i.link }));
  }
}

@Controller("feeds")
export class FeedController {
  constructor(private readonly reader: FeedReaderService) {}

  // Preview shown before a user subscribes to a new feed.
  @Post("preview")
  async preview(@Body() dto: SubscribeDto) {
    const items = await this.reader.fetchItems(dto.feedUrl);
    return { items: items.slice(0, 10) };
  }
}
