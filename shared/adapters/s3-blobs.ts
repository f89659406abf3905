// Files in S3 (or the local S3) behind the blob port: presigned uploads and downloads, checks, copies.
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { downloadHeaders } from "../attachment-types.js";
import type { BlobPort, StoredBlob } from "../ports/blobs.js";

/** s3rver's built-in account: the only key pair it accepts. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

/**
 * Objects a presigned POST stores carry this tag until the app copies them to their final key
 * (the copy drops it): the bucket's lifecycle rule expires tagged objects nobody recorded.
 */
export const UPLOAD_TAGGING = "<Tagging><TagSet><Tag><Key>upload</Key><Value>pending</Value></Tag></TagSet></Tagging>";

/**
 * Private S3 bucket, encrypted (SSE-S3 on every write); downloads are redirects to a presigned URL
 * valid for five minutes. With an endpoint (locally: s3rver), path-style requests and its keys.
 */
export class S3Blobs implements BlobPort {
  private readonly client: S3Client;
  constructor(
    private readonly bucket: string,
    region: string,
    opts: { endpoint?: string } = {},
  ) {
    this.client = new S3Client({
      region,
      ...(opts.endpoint
        ? {
            endpoint: opts.endpoint,
            forcePathStyle: true,
            credentials: LOCAL_S3_CREDENTIALS,
            // s3rver (2021) predates the SDK's default CRC32 checksums on every request.
            requestChecksumCalculation: "WHEN_REQUIRED",
            responseChecksumValidation: "WHEN_REQUIRED",
          }
        : {}),
    });
  }

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        ServerSideEncryption: "AES256",
      }),
    );
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

  /**
   * Every field of the form is pinned by the signed policy (the SDK makes an exact-match
   * condition of each): the type, the encryption, the tag, the redirect. The key is exact, or
   * only its prefix when it ends in ${filename}; the size is 1 byte to maxBytes.
   */
  async presignUpload(opts: { key: string; contentType: string; maxBytes: number; redirect?: string; expiresInSeconds: number }) {
    return createPresignedPost(this.client, {
      Bucket: this.bucket,
      Key: opts.key,
      Conditions: [["content-length-range", 1, opts.maxBytes]],
      Fields: {
        "Content-Type": opts.contentType,
        "x-amz-server-side-encryption": "AES256",
        tagging: UPLOAD_TAGGING,
        ...(opts.redirect ? { success_action_redirect: opts.redirect } : {}),
      },
      Expires: opts.expiresInSeconds,
    });
  }

  async head(key: string): Promise<StoredBlob | undefined> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: Number(out.ContentLength ?? 0), contentType: out.ContentType ?? "", etag: out.ETag ?? "" };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async readStart(key: string, bytes: number, etag: string): Promise<Uint8Array> {
    const out = await this.client.send(
      new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${bytes - 1}`, IfMatch: etag }),
    );
    return out.Body ? out.Body.transformToByteArray() : new Uint8Array();
  }

  async copy(from: string, to: string, etag: string): Promise<void> {
    await this.client.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        Key: to,
        CopySource: `${this.bucket}/${from.split("/").map(encodeURIComponent).join("/")}`,
        CopySourceIfMatch: etag,
        MetadataDirective: "COPY",
        // Without this the copy would keep the upload tag, and the lifecycle rule would expire it.
        TaggingDirective: "REPLACE",
        ServerSideEncryption: "AES256",
      }),
    );
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NotFound" || e?.name === "NoSuchKey" || e?.$metadata?.httpStatusCode === 404;
}
