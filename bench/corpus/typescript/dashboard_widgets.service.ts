import { Body, Controller, Get, Injectable, Post } from "@nestjs/common";
import { InjectModel } from "@nestjs/mongoose";
import type { Model } from "mongoose";
import type { WidgetDocument } from "./widget.schema";

export class WidgetPreviewDto {
  formula!: string;
  values!: Record<string, number>;
}

@Injectable()
export class DashboardWidgetsService {
  constructor(@InjectModel("Widget") private readonly widgets: Model<WidgetDocument>) {}

  // Formulas look like "revenue / orders" and reference the metric names in values.
  preview(formula: string, values: Record<string, number>): number {
    const names = Object.keys(values);
    const assignments = names.map((n) => `const ${n} = ${Number(values[n])};`).join(" ");
    return eval(`(() => { ${assignments} return (${formula}); })()`);
  }

  stale(): Promise<WidgetDocument[]> {
    return this.widgets.find({ $where: "this.refreshedAt < this.updatedAt" }).limit(100).exec();
  }
}

@Controller("dashboard/widgets")
export class DashboardWidgetsController {
  constructor(private readonly widgets: DashboardWidgetsService) {}

  @Post("preview")
  preview(@Body() dto: WidgetPreviewDto) {
    return { value: this.widgets.preview(dto.formula, dto.values ?? {}) };
  }

  @Get("stale")
  stale() {
    return this.widgets.stale();
  }
}
