/**
 * Bundles each Lambda with esbuild exactly as CDK does (infra/bundling.ts), then imports each
 * bundle in 10 fresh Node processes, timing the import inside the process, and prints the median.
 * One JSON line per function. The api must never contain or load MJML.
 *   npm run bench -- coldstart
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { esbuildOptions, lambdaEntries } from "../infra/bundling.js";

const RUNS = 10;
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

const dir = mkdtempSync(join(tmpdir(), "coldstart-"));
try {
  for (const [name, entry] of Object.entries(lambdaEntries)) {
    const outfile = join(dir, name, "index.mjs");
    await build({
      entryPoints: [entry],
      outfile,
      ...esbuildOptions,
      logLevel: "error",
    });
    const probe = `const t=performance.now();await import(${JSON.stringify(outfile)});console.log(performance.now()-t)`;
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      times.push(Number(execFileSync(process.execPath, ["--input-type=module", "-e", probe], { env, encoding: "utf8" }).trim().split("\n").at(-1)));
    }
    times.sort((a, b) => a - b);
    const median = (times[RUNS / 2 - 1]! + times[RUNS / 2]!) / 2;
    const line: Record<string, unknown> = { bench: "coldstart", function: name, bundle_bytes: statSync(outfile).size, init_ms: Number(median.toFixed(1)) };
    if (name === "api") line.contains_mjml = /mjml/i.test(readFileSync(outfile, "utf8"));
    console.log(JSON.stringify(line));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
