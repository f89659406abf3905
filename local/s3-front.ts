// The local S3's front: enforces presigned-POST policies as S3 does, and passes the rest to s3rver.
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { checkPolicy, type Refusal } from "./s3-post-policy.js";

/**
 * The local S3 is s3rver, which stores what a browser form POSTs but checks none of the POST
 * policy. This front sits between the clients and s3rver and does what S3 does with a form post
 * before storing anything: the signature (SigV4 over the policy), the expiry, every condition
 * (exact, starts-with, content-length-range: a file over the range is refused while it streams,
 * never held in memory) and no field without a condition; `${filename}` in the key becomes the
 * file's name. Everything else is passed through untouched, except one s3rver quirk: it decodes
 * x-amz-copy-source with decodeURI, S3 fully.
 */
export function createS3Front(opts: { upstream: { host: string; port: number }; credentials: Record<string, string> }): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://front");
    const segments = url.pathname.split("/").filter(Boolean);
    const isFormPost =
      req.method === "POST" &&
      segments.length === 1 &&
      url.search === "" &&
      /^multipart\/form-data/i.test(req.headers["content-type"] ?? "");
    if (isFormPost) {
      formPost(req, res, decodeURIComponent(segments[0]!), opts).catch((err: unknown) => {
        if (!res.headersSent) s3Error(req, res, 500, "InternalError", String(err));
      });
      return;
    }
    const copySource = req.headers["x-amz-copy-source"];
    if (typeof copySource === "string") req.headers["x-amz-copy-source"] = encodeURI(safeDecode(copySource));
    proxy(req, res, opts.upstream, req);
  });
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function proxy(
  req: IncomingMessage,
  res: ServerResponse,
  upstream: { host: string; port: number },
  body: Readable,
  headers = req.headers,
) {
  const up = request({ host: upstream.host, port: upstream.port, method: req.method, path: req.url, headers }, (upRes) => {
    res.writeHead(upRes.statusCode ?? 502, upRes.headers);
    upRes.pipe(res);
  });
  up.on("error", (err) => {
    if (!res.headersSent) s3Error(req, res, 502, "InternalError", `local S3 unreachable: ${err.message}`);
    else res.destroy();
  });
  body.pipe(up);
}

/** An S3-style XML error. The rest of the request is read and dropped, so the client sees the answer. */
function s3Error(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  extra: Record<string, string | number> = {},
) {
  if (res.headersSent) return void req.resume();
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const more = Object.entries(extra)
    .map(([k, v]) => `<${k}>${esc(String(v))}</${k}>`)
    .join("");
  // No "Connection: close": closing while the client still sends would reset the connection,
  // and the client could lose this answer. The connection stays open and the rest is dropped.
  res.writeHead(status, { "Content-Type": "application/xml" });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${esc(message)}</Message>${more}</Error>`);
  req.resume();
}

async function formPost(
  req: IncomingMessage,
  res: ServerResponse,
  bucket: string,
  opts: { upstream: { host: string; port: number }; credentials: Record<string, string> },
) {
  const dir = await mkdtemp(join(tmpdir(), "s3-front-"));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const fields: [string, string][] = [];
  let refusal: Refusal | undefined;
  let file: { name: string; type: string; size: number; path: string } | undefined;
  let current: Readable | undefined;
  let writing: Promise<void> = Promise.resolve();
  let range: [number, number] | undefined;
  let settle!: () => void;
  const parsed = new Promise<void>((resolve) => (settle = resolve));

  // Browsers send file names as raw UTF-8; busboy's default for parameters is latin1.
  const bb = busboy({ headers: req.headers, defParamCharset: "utf8", limits: { fieldSize: 64 * 1024, fields: 100 } });
  const refuse = (r: Refusal) => {
    if (refusal) return;
    refusal = r;
    req.unpipe(bb);
    current?.destroy();
    s3Error(req, res, r.status, r.code, r.message, r.extra);
    settle();
  };
  bb.on("field", (name, value) => {
    if (!file && !refusal) fields.push([name, value]);
  });
  bb.on("file", (name, stream, info) => {
    if (name !== "file" || file || refusal) return void stream.resume(); // S3 ignores anything after the file
    const checked = checkPolicy(fields, bucket, opts.credentials, new Date());
    if (!checked.ok) {
      stream.resume();
      return refuse(checked);
    }
    range = checked.range;
    const f = { name: info.filename ?? "", type: info.mimeType, size: 0, path: join(dir, "file") };
    file = f;
    const max = range?.[1] ?? 5 * 1024 ** 3;
    current = stream;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        f.size += chunk.length;
        if (f.size > max) done(new RangeError("too large"));
        else done(null, chunk);
      },
    });
    writing = pipeline(stream, counter, createWriteStream(f.path)).catch((err: unknown) => {
      if (err instanceof RangeError)
        refuse({
          status: 400,
          code: "EntityTooLarge",
          message: "Your proposed upload exceeds the maximum allowed size",
          extra: { MaxSizeAllowed: max },
        });
      else refuse({ status: 400, code: "IncompleteBody", message: "The request body terminated unexpectedly" });
    });
  });
  bb.on("close", () => settle());
  bb.on("error", (err) =>
    refuse({
      status: 400,
      code: "MalformedPOSTRequest",
      message: `The body of your POST request is not well-formed multipart/form-data. (${String(err)})`,
    }),
  );
  // A client that goes away mid-body: nothing is stored (the answer has nowhere to go).
  req.on("close", () => {
    if (!req.complete) refuse({ status: 400, code: "IncompleteBody", message: "The request body terminated unexpectedly" });
  });
  req.pipe(bb);
  await parsed;
  await writing;
  try {
    if (refusal) return;
    if (!file)
      return refuse({
        status: 400,
        code: "InvalidArgument",
        message: "POST requires exactly one file upload per request.",
        extra: { ArgumentName: "file", ArgumentValue: 0 },
      });
    if (range && file.size < range[0])
      return refuse({
        status: 400,
        code: "EntityTooSmall",
        message: "Your proposed upload is smaller than the minimum allowed size",
        extra: { MinSizeAllowed: range[0], ProposedSize: file.size },
      });
    await forward(req, res, bucket, fields, file, opts.upstream);
  } finally {
    await cleanup();
  }
}

/** The accepted post, as a fresh multipart body to s3rver: the same fields (key with the file name filled in), then the file. */
async function forward(
  req: IncomingMessage,
  res: ServerResponse,
  bucket: string,
  fields: [string, string][],
  file: { name: string; type: string; size: number; path: string },
  upstream: { host: string; port: number },
) {
  const boundary = `----s3front${randomBytes(12).toString("hex")}`;
  const parts = fields.map(([name, value]) => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: S3's own placeholder for the uploaded file's name
    const v = name.toLowerCase() === "key" ? value.split("${filename}").join(file.name) : value;
    return Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, "%22")}"\r\n\r\n${v}\r\n`);
  });
  const head = Buffer.concat([
    ...parts,
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="file"\r\nContent-Type: ${file.type || "application/octet-stream"}\r\n\r\n`,
    ),
  ]);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = (await stat(file.path)).size;
  async function* body() {
    yield head;
    for await (const chunk of createReadStream(file.path)) yield chunk as Buffer;
    yield tail;
  }
  const headers = {
    host: req.headers.host ?? `${upstream.host}:${upstream.port}`,
    "content-type": `multipart/form-data; boundary=${boundary}`,
    "content-length": String(head.length + size + tail.length),
    // s3rver answers CORS from the bucket's configuration (a script posting the form needs it).
    ...(req.headers.origin ? { origin: req.headers.origin } : {}),
  };
  await new Promise<void>((resolve) => {
    const up = request(
      { host: upstream.host, port: upstream.port, method: "POST", path: `/${encodeURIComponent(bucket)}`, headers },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
        upRes.on("end", resolve);
      },
    );
    up.on("error", (err) => {
      if (!res.headersSent) s3Error(req, res, 502, "InternalError", `local S3 unreachable: ${err.message}`);
      resolve();
    });
    Readable.from(body()).pipe(up);
  });
}
