import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

const s3 = new S3Client({ region: process.env.AWS_REGION ?? "eu-west-1" });
const BUCKET = process.env.BACKUP_BUCKET ?? "nightly-backups";

// S3 rejects the upload if the body does not match Content-MD5, which catches truncated files.
function contentMd5(body: Buffer): string {
  return createHash("md5").update(body).digest("base64");
}

function dedupeKey(body: Buffer): string {
  return createHash("sha1").update(body).digest("hex");
}

export async function uploadBackup(filePath: string): Promise<string> {
  const body = await readFile(filePath);
  const key = `backups/${dedupeKey(body).slice(0, 2)}/${dedupeKey(body)}-${basename(filePath)}`;
  await s3.send(
    new PutObjectCommand({
      Bucket: BUCKET,
      Key: key,
      Body: body,
      ContentMD5: contentMd5(body),
      ServerSideEncryption: "aws:kms",
    }),
  );
  return key;
}

if (require.main === module) {
  uploadBackup(process.argv[2]).then((key) => console.log(`uploaded ${key}`));
}
