import { exec, execFile } from "node:child_process";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Body, Controller, Injectable, Post, UploadedFile, UseInterceptors } from "@nestjs/common";
import { FileInterceptor } from "@nestjs/platform-express";

const execAsync = promisify(exec);
const execFileAsync = promisify(execFile);

class PreviewOptionsDto {
  pages?: number;
  title?: string;
}

@Injectable()
export class DocumentPreviewService {
  async renderPages(pdfPath: string, options: PreviewOptionsDto): Promise<string[]> {
    const outDir = await mkdtemp(join(tmpdir(), "preview-"));
    const lastPage = Math.min(Math.max(Math.trunc(Number(options.pages) || 1), 1), 20);
    await execFileAsync("pdftoppm", ["-png", "-r", "72", "-l", String(lastPage), pdfPath, join(outDir, "page")]);
    return (await readdir(outDir)).map((name) => join(outDir, name));
  }

  async stampTitle(pdfPath: string, title: string): Promise<void> {
    await execAsync(`exiftool -overwrite_original -Title='${title}' ${pdfPath}`);
  }
}

@Controller("documents")
export class DocumentPreviewController {
  constructor(private readonly previews: DocumentPreviewService) {}

  @Post("preview")
  @UseInterceptors(FileInterceptor("file", { dest: "/tmp/uploads" }))
  async preview(@UploadedFile() file: Express.Multer.File, @Body() options: PreviewOptionsDto) {
    if (options.title) {
      await this.previews.stampTitle(file.path, options.title);
    }
    const pages = await this.previews.renderPages(file.path, options);
    return { pages: pages.length };
  }
}
