import { exec, spawn } from "node:child_process";
import { promisify } from "node:util";
import { BadRequestException, Controller, Get, Query } from "@nestjs/common";
import isFQDN from "validator/lib/isFQDN";

const execAsync = promisify(exec);

interface CertificateInfo {
  host: string;
  notAfter: string | null;
}

function readNotAfter(output: string): string | null {
  const match = /notAfter=(.+)/.exec(output);
  return match ? match[1].trim() : null;
}

@Controller("monitoring/certificates")
export class CertificateCheckController {
  @Get("expiry")
  async expiry(@Query("host") host: string): Promise<CertificateInfo> {
    const { stdout } = await execAsync(
      `echo | openssl s_client -connect ${host}:443 -servername ${host} 2>/dev/null | openssl x509 -noout -enddate`,
      { timeout: 10_000 },
    );
    return { host, notAfter: readNotAfter(stdout) };
  }

  @Get("chain")
  chain(@Query("host") host: string): Promise<string> {
    if (!isFQDN(host ?? "")) {
      throw new BadRequestException("host must be a fully qualified domain name");
    }
    return new Promise((resolve, reject) => {
      const child = spawn("openssl", ["s_client", "-showcerts", "-connect", `${host}:443`, "-servername", host]);
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.on("error", reject);
      child.on("close", () => resolve(output));
      child.stdin.end();
    });
  }
}
