// Cold-start benchmark: each Lambda bundled as CDK does, bytes and import time against a floor built in the same run.
/**
 * Bundles each Lambda with esbuild exactly as CDK does (infra/bundling.ts), and a floor with the
 * same options: a Hono app on hono/aws-lambda plus a DynamoDB DocumentClient doing one GetItem.
 * Then imports floor and Lambda alternately, each in a fresh Node process (timing the import inside
 * it), so both see the same noise. One JSON line per function: bytes loaded at import (the entry
 * and the chunks it imports statically; `asset_bytes` is the whole folder), median import time, and
 * both as a ratio to the floor.   npm run bench -- coldstart
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { esbuildOptions, type LambdaName, lambdaBuildOptions, lambdaEntries, outputsLoadedAtImport } from "../infra/bundling.js";

const RUNS = Number(process.argv.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 10);
const env = {
  ...process.env,
  APP_ENV: "aws",
  TABLE_NAME: "x",
  BASE_URL: "https://example.org",
  SENDER_EMAIL: "a@example.org",
  QUEUE_URL: "https://sqs.eu-north-1.amazonaws.com/123456789012/q",
  BUCKET_NAME: "b",
  LINK_SECRET_ARN: "arn:aws:secretsmanager:eu-north-1:123456789012:secret:x",
  AWS_REGION: "eu-north-1",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
};

const FLOOR = `
import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const app = new Hono();
app.get("/r/:token", async (c) => c.json((await db.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { PK: c.req.param("token"), SK: "X" } }))).Item ?? {}));
export const handler = handle(app);
`;

const folderBytes = (dir: string): number =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => !f.endsWith(".map") && statSync(join(dir, f)).isFile())
    .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);

function importMs(file: string): number {
  const probe = `const t=performance.now();await import(${JSON.stringify(file)});console.log(performance.now()-t)`;
  return Number(
    execFileSync(process.execPath, ["--input-type=module", "-e", probe], { env, encoding: "utf8" }).trim().split("\n").at(-1),
  );
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const dir = mkdtempSync(join(tmpdir(), "coldstart-"));
try {
  const floorFile = join(dir, "floor", "index.mjs");
  await build({
    stdin: { contents: FLOOR, resolveDir: process.cwd(), loader: "ts" },
    outfile: floorFile,
    ...esbuildOptions,
    logLevel: "error",
  });
  const floorBytes = statSync(floorFile).size;
  for (const name of Object.keys(lambdaEntries) as LambdaName[]) {
    const out = join(dir, name);
    const { metafile } = await build({ ...lambdaBuildOptions(name, out), metafile: true, logLevel: "error" });
    // The bytes a cold start parses: the entry file and every chunk it imports statically.
    const bytes = outputsLoadedAtImport(metafile).reduce((sum, f) => sum + metafile.outputs[f]!.bytes, 0);
    const lambdaMs: number[] = [];
    const floorMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternating, and which goes first alternates too: both see the same load.
      if (i % 2) floorMs.push(importMs(floorFile));
      lambdaMs.push(importMs(join(out, "index.mjs")));
      if (!(i % 2)) floorMs.push(importMs(floorFile));
    }
    const [ms, floor] = [median(lambdaMs), median(floorMs)];
    const line: Record<string, unknown> = {
      bench: "coldstart",
      function: name,
      bundle_bytes: bytes,
      asset_bytes: folderBytes(out),
      init_ms: Number(ms.toFixed(1)),
      floor_bytes: floorBytes,
      floor_init_ms: Number(floor.toFixed(1)),
      bytes_ratio: Number((bytes / floorBytes).toFixed(2)),
      init_ratio: Number((ms / floor).toFixed(2)),
    };
    if (name === "reply" || name === "api") line.contains_mjml = /mjml/i.test(readFileSync(join(out, "index.mjs"), "utf8"));
    console.log(JSON.stringify(line));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
