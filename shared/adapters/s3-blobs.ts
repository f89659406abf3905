import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { downloadHeaders } from "../meetings/attachment-types.js";
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

  /**
   * The browser fetches the file from S3, not from us, so the presigned URL carries the download
   * headers the app would send: an allow-listed type, and "attachment" for anything but PDF and
   * images (S3 itself adds nosniff to no response, so an inline .txt could be sniffed as HTML).
   */
  async open(key: string, filename: string) {
    const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
    const { contentType, contentDisposition } = downloadHeaders(head.ContentType ?? "", filename);
    const url = await getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentType: contentType,
        ResponseContentDisposition: contentDisposition,
      }),
      { expiresIn: 300 },
    );
    return { kind: "redirect" as const, url };
  }
}
