import { Body, Controller, Injectable, Post } from "@nestjs/common";
import { ConfigService } from "@nestjs/config";

export class CheckDto {
  url!: string;
}

export interface CheckResult {
  ok: boolean;
  status: number;
  latencyMs: number;
}

@Injectable()
export class UptimeChecksService {
  constructor(private readonly config: ConfigService) {}

  async probe(url: string): Promise<CheckResult> {
    const started = performance.now();
    const response = await fetch(url, { method: "GET", redirect: "manual", signal: AbortSignal.timeout(5000) });
    return { ok: response.ok, status: response.status, latencyMs: Math.round(performance.now() - started) };
  }

  async probeStatusPage(): Promise<CheckResult> {
    const statusUrl = new URL("/api/v2/status.json", this.config.getOrThrow<string>("STATUS_PAGE_BASE_URL"));
    const started = performance.now();
    const response = await fetch(statusUrl, { signal: AbortSignal.timeout(5000) });
    return { ok: response.ok, status: response.status, latencyMs: Math.round(performance.now() - started) };
  }
}

@Controller("uptime")
export class UptimeChecksController {
  constructor(private readonly checks: UptimeChecksService) {}

  // "Test now" button on the monitor form.
  @Post("test")
  test(@Body() dto: CheckDto) {
    return this.checks.probe(dto.url);
  }

  @Post("status-page")
  statusPage() {
    return this.checks.probeStatusPage();
  }
}
