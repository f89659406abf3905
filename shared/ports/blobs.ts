/**
 * Files: attachments and the worker's previews. A private S3 bucket in AWS; locally s3rver behind
 * a small front that enforces POST policies (local/s3-front.ts), through the same adapter.
 *
 * Attachments never pass through a Lambda (its payload limit is 6 MB): the client gets a presigned
 * POST, sends the file straight to the store, and the app then checks what arrived (head, first
 * bytes) and copies it to a key no upload form can write.
 */
export interface BlobPort {
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** A short-lived URL to redirect to (S3), carrying the download headers; "body" is kept for adapters that stream. */
  open(
    key: string,
    filename: string,
  ): Promise<{ kind: "redirect"; url: string } | { kind: "body"; body: Uint8Array; contentType: string }>;
  /**
   * A form (URL and fields; the file goes last) that lets whoever holds it store one object at
   * `key` (which may end in `${filename}`: the store puts the uploaded file's name there), with
   * exactly `contentType`, 1 to `maxBytes` bytes, encrypted. With `redirect`, a successful post is
   * answered with a 303 to it (the store appends bucket, key and etag); without, with 204.
   */
  presignUpload(opts: {
    key: string;
    contentType: string;
    maxBytes: number;
    redirect?: string;
    expiresInSeconds: number;
  }): Promise<PresignedUpload>;
  /** Size, stored type and ETag; undefined when there is no such object. */
  head(key: string): Promise<StoredBlob | undefined>;
  /** The first `bytes` bytes of the object, only if it still has this ETag. */
  readStart(key: string, bytes: number, etag: string): Promise<Uint8Array>;
  /** Copies the object, only if the source still has this ETag; the copy keeps the stored type, loses the upload's tags. */
  copy(from: string, to: string, etag: string): Promise<void>;
  delete(key: string): Promise<void>;
}

interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
}

export interface StoredBlob {
  size: number;
  contentType: string;
  etag: string;
}

/** A BlobPort whose adapter is loaded on first use (Lambda: no S3 code at import). */
export function lazyBlobs(load: () => Promise<BlobPort>): BlobPort {
  return {
    put: async (...a) => (await load()).put(...a),
    open: async (...a) => (await load()).open(...a),
    presignUpload: async (...a) => (await load()).presignUpload(...a),
    head: async (...a) => (await load()).head(...a),
    readStart: async (...a) => (await load()).readStart(...a),
    copy: async (...a) => (await load()).copy(...a),
    delete: async (...a) => (await load()).delete(...a),
  };
}
