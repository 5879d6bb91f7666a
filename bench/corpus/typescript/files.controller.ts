import { join } from "node:path";
import { Controller, Get, Param, Res } from "@nestjs/common";
import { ConfigService } from "@nestjs/config";
import type { Response } from "express";

@Controller("files")
export class FilesController {
  private readonly root: string;

  constructor(config: ConfigService) {
    this.root = config.getOrThrow<string>("FILES_ROOT");
  }

  @Get("public/:name")
  publicFile(@Param("name") name: string, @Res() res: Response): void {
    res.sendFile(name, { root: join(this.root, "public"), dotfiles: "deny" });
  }

  @Get("exports/:name")
  exportFile(@Param("name") name: string, @Res() res: Response): void {
    res.sendFile(join(this.root, "exports", name));
  }
}
