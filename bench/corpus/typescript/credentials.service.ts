import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { Injectable } from "@nestjs/common";
import { ConfigService } from "@nestjs/config";

@Injectable()
export class CredentialsService {
  private readonly fieldKey: Buffer;

  constructor(config: ConfigService) {
    this.fieldKey = Buffer.from(config.getOrThrow<string>("FIELD_ENCRYPTION_KEY"), "base64");
  }

  hashPassword(password: string): string {
    const salt = randomBytes(16).toString("hex");
    const digest = createHash("sha1").update(salt + password).digest("hex");
    return `${salt}$${digest}`;
  }

  verifyPassword(password: string, stored: string): boolean {
    const [salt, digest] = stored.split("$");
    return createHash("sha1").update(salt + password).digest("hex") === digest;
  }

  // Encrypts national ID numbers before they are written to the customers table.
  encryptField(plaintext: string): string {
    const cipher = createCipheriv("aes-128-ecb", this.fieldKey.subarray(0, 16), null);
    return Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]).toString("base64");
  }

  decryptField(ciphertext: string): string {
    const decipher = createDecipheriv("aes-128-ecb", this.fieldKey.subarray(0, 16), null);
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64")), decipher.final()]).toString("utf8");
  }
}
