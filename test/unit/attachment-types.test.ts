// Attachment types: an attachment's first bytes must be what its declared type says, for every allowed type.
import { S3Client } from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { describe, expect, it } from "vitest";
import { loadConfig, s3UploadOrigin } from "../../shared/config.js";
import { attachmentTypes, contentMatchesType } from "../../shared/meetings/index.js";

const bytes = (...b: (number | string)[]) =>
  new Uint8Array(b.flatMap((x) => (typeof x === "string" ? [...Buffer.from(x)] : [x])));

/** The start of a ZIP whose first entry is "mimetype" (stored, no extra field) holding `type`: an OpenDocument file. */
const odf = (type: string) =>
  bytes(0x50, 0x4b, 0x03, 0x04, 0x0a, 0, 0, 0, 0, 0, ...Array<number>(16).fill(0), 8, 0, 0, 0, "mimetype", type, "PK");
const ODT = "application/vnd.oasis.opendocument.text";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe("an attachment's first bytes must be what its declared type says", () => {
  const zip = bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00);
  const cases: [string, Uint8Array, boolean][] = [
    ["application/pdf", bytes("%PDF-1.7\n"), true],
    ["application/pdf", bytes(0x4d, 0x5a, 0x90, 0x00), false], // an .exe renamed .pdf
    ["application/pdf", bytes(" %PDF-1.7"), false],
    ["image/png", bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), true],
    ["image/png", bytes("GIF89a"), false],
    ["image/jpeg", bytes(0xff, 0xd8, 0xff, 0xe0), true],
    ["image/jpeg", bytes("%PDF-"), false],
    ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", zip, true],
    ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", zip, true],
    ["application/vnd.openxmlformats-officedocument.presentationml.presentation", zip, true],
    [ODT, odf(ODT), true],
    [ODT, zip, false], // a ZIP that does not say it is an OpenDocument text (a .docx renamed .odt)
    [ODT, odf("application/vnd.oasis.opendocument.spreadsheet"), false], // an .ods renamed .odt
    [DOCX, odf(ODT), false], // an .odt renamed .docx
    ["application/vnd.oasis.opendocument.text", bytes(0xd0, 0xcf, 0x11, 0xe0), false], // old binary .doc
    ["text/plain", bytes("Bærum kommune\n"), true],
    ["text/csv", bytes("navn;kommune\nÅse;Lier\n"), true],
    ["text/plain", bytes("Bæ", 0x00, "rum"), false], // NUL: binary, or UTF-16
    ["text/csv", bytes(0x42, 0xe6, 0x72), false], // Latin-1, not UTF-8
    ["text/plain", bytes("M", 0xc3), true], // the sample ends inside "æ": not an error
    ["text/plain", bytes(), false],
    ["application/x-msdownload", bytes("MZ"), false],
  ];
  for (const [type, start, ok] of cases) {
    it(`${type}: ${Buffer.from(start).toString("hex").slice(0, 16) || "(empty)"} → ${ok ? "accepted" : "refused"}`, () => {
      expect(contentMatchesType(type, start)).toBe(ok);
    });
  }

  it("every allowed type has a check", () => {
    const samples: Record<string, Uint8Array> = {
      pdf: bytes("%PDF-"),
      png: bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a),
      jpg: bytes(0xff, 0xd8, 0xff),
      txt: bytes("a"),
      csv: bytes("a"),
      odt: odf(ODT),
    };
    for (const { type, ext } of attachmentTypes) expect(contentMatchesType(type, samples[ext] ?? zip), type).toBe(true);
  });
});

describe("the upload origin the CSP allows is the one the SDK presigns", () => {
  it("in AWS: the bucket's regional virtual-hosted endpoint", async () => {
    const config = loadConfig({
      APP_ENV: "aws",
      TABLE_NAME: "t",
      BASE_URL: "https://moter.example.no",
      SENDER_EMAIL: "a@example.no",
      QUEUE_URL: "https://sqs.eu-north-1.amazonaws.com/1/q",
      BUCKET_NAME: "moteinnkalling-vedlegg-abc123",
      LINK_SECRET_ARN: "arn:x",
      AWS_REGION: "eu-north-1",
    });
    const client = new S3Client({ region: "eu-north-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" } });
    const { url } = await createPresignedPost(client, {
      Bucket: "moteinnkalling-vedlegg-abc123",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: S3's own placeholder for the uploaded file's name
      Key: "meetings/m/uploads/x/${filename}",
    });
    expect(new URL(url).origin).toBe(s3UploadOrigin(config));
  });

  it("locally: the S3 endpoint", () => {
    const config = loadConfig({
      APP_ENV: "local",
      TABLE_NAME: "t",
      BASE_URL: "http://localhost:3000",
      SENDER_EMAIL: "a@example.no",
      DYNAMODB_ENDPOINT: "http://127.0.0.1:8000",
      SES_ENDPOINT: "http://127.0.0.1:8005",
      DATA_DIR: ".data",
    });
    expect(s3UploadOrigin(config)).toBe("http://127.0.0.1:8006");
  });
});
