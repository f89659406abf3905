// Bundle diet, read from esbuild's metafile of each Lambda bundled the way CDK bundles it (infra/bundling.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LambdaName, lambdaBuildOptions, outputsLoadedAtImport } from "../../infra/bundling.js";

/**
 * Which packages end up in a bundle: in the code a cold start loads (the entry and the chunks it
 * imports statically) and in the whole asset (with the chunks loaded on first use). Sizes and
 * import times are `npm run bench -- coldstart`.
 */
const dir = mkdtempSync(join(tmpdir(), "bundles-"));
const metafiles = new Map<LambdaName, Metafile>();
const bundle = async (name: LambdaName) => {
  if (!metafiles.has(name))
    metafiles.set(
      name,
      (await build({ ...lambdaBuildOptions(name, join(dir, name)), write: false, metafile: true, logLevel: "silent" })).metafile,
    );
  return metafiles.get(name)!;
};

const packageOf = (input: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];

/** The packages with code in these outputs (not merely imported and shaken off). */
function packagesIn(metafile: Metafile, outputs: string[]): Set<string> {
  return new Set(
    outputs.flatMap((o) =>
      Object.entries(metafile.outputs[o]!.inputs).flatMap(([input, v]) => (v.bytesInOutput > 0 ? (packageOf(input) ?? []) : [])),
    ),
  );
}

const neverAtImport = [
  "mjml",
  "mjml-core",
  "@asteasolutions/zod-to-openapi",
  "@hono/zod-openapi",
  "csv-parse",
  "@aws-sdk/client-s3",
  "@aws-sdk/client-ses",
  "@aws-sdk/client-sqs",
  "@aws-sdk/client-secrets-manager",
  "nodemailer",
  "ical-generator",
];

describe("the participant Lambda (reply) loads only what the page needs", () => {
  let reply: Metafile;
  beforeAll(async () => {
    reply = await bundle("reply");
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("at import: no MJML, no OpenAPI generator, no csv-parse, no S3/SES/SQS/Secrets Manager client", () => {
    const loaded = packagesIn(reply, outputsLoadedAtImport(reply));
    for (const name of neverAtImport) expect(loaded.has(name), name).toBe(false);
    expect(loaded.has("hono")).toBe(true);
    expect(loaded.has("@aws-sdk/client-dynamodb")).toBe(true);
  });

  // Full zod (classic, with every locale) comes with shared/model.ts; the reply path parses with zod/mini.
  it("at import: no full zod (zod/v4/classic, its locales), no shared/model.ts, no sending domain", () => {
    const inputs = outputsLoadedAtImport(reply).flatMap((o) =>
      Object.entries(reply.outputs[o]!.inputs).flatMap(([input, v]) => (v.bytesInOutput > 0 ? [input] : [])),
    );
    expect(inputs.filter((i) => /node_modules\/zod\/v4\/(classic|locales)\//.test(i))).toEqual([]);
    expect(inputs.filter((i) => /^shared\/(model\.ts|sending\/|store\/meetings\.ts)/.test(i))).toEqual([]);
    expect(inputs.some((i) => i.includes("node_modules/zod/v4/mini/"))).toBe(true);
  });

  // The S3 (presigned download), SQS (the message after a reply) and other clients sit in chunks loaded on first use.
  it("anywhere in its asset: no OpenAPI generator, no csv-parse, no sending domain, no email rendering", () => {
    const all = packagesIn(
      reply,
      Object.keys(reply.outputs).filter((o) => o.endsWith(".mjs")),
    );
    for (const name of ["@asteasolutions/zod-to-openapi", "@hono/zod-openapi", "csv-parse"])
      expect(all.has(name), name).toBe(false);
    // After a reply it puts one message on the queue: the worker, not this Lambda, makes the sends.
    expect(Object.keys(reply.inputs).filter((i) => i.startsWith("shared/sending/") || i.startsWith("emails/"))).toEqual([]);
  });

  it("has the logger only of Powertools (no parser, no batch processor)", () => {
    const all = [
      ...packagesIn(
        reply,
        Object.keys(reply.outputs).filter((o) => o.endsWith(".mjs")),
      ),
    ].filter((p) => p.startsWith("@aws-lambda-powertools/"));
    expect(all.sort()).toEqual(["@aws-lambda-powertools/commons", "@aws-lambda-powertools/logger"]);
  });
});

describe("which Powertools utilities each Lambda bundles", () => {
  it.each([
    ["api", ["commons", "logger"]],
    ["tick", ["commons", "logger", "parser"]],
    ["ses-events", ["commons", "logger", "parser"]],
    ["send-worker", ["batch", "commons", "logger", "parser"]],
  ] as const)(
    "%s: %j",
    async (name, expected) => {
      const m = await bundle(name);
      const all = [
        ...packagesIn(
          m,
          Object.keys(m.outputs).filter((o) => o.endsWith(".mjs")),
        ),
      ];
      expect(all.flatMap((p) => /^@aws-lambda-powertools\/(.+)$/.exec(p)?.[1] ?? []).sort()).toEqual(expected);
    },
    120_000,
  );
});
