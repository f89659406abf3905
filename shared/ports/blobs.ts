/** Attachment files: a private S3 bucket in AWS, a folder under the data directory locally. */
export interface BlobPort {
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** Streams the file (local) or returns a short-lived URL to redirect to (S3). */
  open(key: string, filename: string): Promise<{ kind: "redirect"; url: string } | { kind: "body"; body: Uint8Array; contentType: string }>;
}
