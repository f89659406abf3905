import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { BlobPort } from "../ports/blobs.js";

/** Private S3 bucket; downloads are redirects to a presigned URL valid for five minutes. */
export class S3Blobs implements BlobPort {
  private readonly client: S3Client;
  constructor(
    private readonly bucket: string,
    region: string,
  ) {
    this.client = new S3Client({ region });
  }

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }));
  }

  async open(key: string, filename: string) {
    const url = await getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentDisposition: `inline; filename*=UTF-8''${encodeURIComponent(filename)}`,
      }),
      { expiresIn: 300 },
    );
    return { kind: "redirect" as const, url };
  }
}
