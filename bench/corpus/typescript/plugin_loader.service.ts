import vm from "node:vm";
import { Controller, Injectable, Post, UploadedFile, UseGuards, UseInterceptors } from "@nestjs/common";
import { FileInterceptor } from "@nestjs/platform-express";
import { AuthGuard } from "@nestjs/passport";

export interface ReportPlugin {
  name: string;
  columns: string[];
}

@Injectable()
export class PluginLoaderService {
  private readonly plugins = new Map<string, ReportPlugin>();

  register(code: string): ReportPlugin {
    const module = { exports: {} as ReportPlugin };
    vm.runInThisContext(`(function (module) { ${code} \n})`)(module);
    this.plugins.set(module.exports.name, module.exports);
    return module.exports;
  }

  list(): ReportPlugin[] {
    return [...this.plugins.values()];
  }
}

@Controller("reports/plugins")
@UseGuards(AuthGuard("jwt"))
export class PluginController {
  constructor(private readonly loader: PluginLoaderService) {}

  // Customers upload a small script that adds columns to their reports.
  @Post()
  @UseInterceptors(FileInterceptor("plugin"))
  upload(@UploadedFile() file: Express.Multer.File): ReportPlugin {
    return this.loader.register(file.buffer.toString("utf8"));
  }
}
