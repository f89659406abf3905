// How every Lambda is bundled (esbuild in-process, cached), shared by CDK and the cold-start bench.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { AssetHashType } from "aws-cdk-lib";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { buildSync, version as esbuildVersion, type Metafile } from "esbuild";

/**
 * How every Lambda is bundled: esbuild in this process (no Docker, no npx), ESM, with a require
 * shim because some dependencies (mjml in the send worker) still use require. bench/coldstart.ts
 * uses the same options, so the figures it prints are for the bundles CDK deploys.
 *
 * The functions are bundled in ONE esbuild run (shared modules are parsed once), the first
 * time CDK asks for any of them; each function's asset is then its own folder of that build.
 * When CDK skips bundling (the assertion tests set "aws:cdk:bundling-stacks": []) nothing is built.
 * This is what keeps `cdk synth` within its time budget; see buildAll() for the cache.
 */
const REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

interface LambdaBundling {
  /** esbuild's target. node22 is the design's floor; the bundles run unchanged on the nodejs24.x runtime. */
  target: string;
  minify: boolean;
  /** Source maps for stack traces (NODE_OPTIONS=--enable-source-maps), without the sources themselves. */
  sourceMap: boolean;
  mainFields: string[];
  banner: string;
}

const bundling: LambdaBundling = {
  target: "node22",
  minify: true,
  sourceMap: true,
  mainFields: ["module", "main"],
  banner: REQUIRE_BANNER,
};

/** The esbuild options of every Lambda bundle: the deploy and the cold-start bench build alike. */
export const esbuildOptions = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: bundling.target,
  minify: bundling.minify,
  sourcemap: bundling.sourceMap,
  sourcesContent: false,
  mainFields: bundling.mainFields,
  banner: { js: bundling.banner },
} as const;

export const lambdaEntries = {
  reply: "functions/reply/handler.ts",
  api: "functions/api/handler.ts",
  "send-worker": "functions/send-worker/handler.ts",
  tick: "functions/tick/handler.ts",
  "ses-events": "functions/ses-events/handler.ts",
  "inbound-mail": "functions/inbound-mail/handler.ts",
} as const;
export type LambdaName = keyof typeof lambdaEntries;

/**
 * The esbuild options of one function built on its own into `outdir`. Every function is bundled with
 * code splitting: what it imports dynamically (the S3, SES, SQS and Secrets Manager adapters, MJML
 * and the email composer, the sending domain after a reply) becomes chunk files beside index.mjs,
 * loaded on first use, so a cold start parses only what its first request needs.
 */
export function lambdaBuildOptions(name: LambdaName, outdir: string) {
  return {
    absWorkingDir: root,
    entryPoints: { index: lambdaEntries[name] },
    outdir,
    outExtension: { ".js": ".mjs" },
    ...esbuildOptions,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
  };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The build is cached under node_modules/.cache, keyed by everything it can read: every file in
 * SOURCE_DIRS, the lock files (the installed dependencies), package.json, tsconfig.json, these
 * options and the esbuild version. A build that reads a file of ours outside SOURCE_DIRS stops
 * synth (so the key cannot miss a change). CDK still hashes each bundle by its content, so a
 * function is only redeployed when its own bundle changed.
 */
const SOURCE_DIRS = ["functions", "shared", "emails"];
const KEY_FILES = ["package-lock.json", "node_modules/.package-lock.json", "package.json", "tsconfig.json"];
const cacheRoot = path.join(root, "node_modules", ".cache", "moteinnkalling-lambdas");

function cacheKey(): string {
  const hash = createHash("sha256").update(JSON.stringify({ v: 3, esbuild: esbuildVersion, bundling, lambdaEntries }));
  const sources = SOURCE_DIRS.flatMap((dir) =>
    (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[])
      .map((f) => path.join(dir, f))
      .filter((f) => fs.statSync(path.join(root, f)).isFile()),
  );
  for (const file of [...KEY_FILES.filter((f) => fs.existsSync(path.join(root, f))), ...sources.sort()]) {
    hash
      .update(`${file}\0`)
      .update(fs.readFileSync(path.join(root, file)))
      .update("\0");
  }
  return hash.digest("hex").slice(0, 32);
}

/**
 * The archival PDFs (pdfkit) read files at run time relative to the code that loads them: the
 * embedded fonts (shared/archival-pdf/fonts.ts) and pdfkit's sRGB colour profile (PDF/A's output
 * intent). That code may land in index.mjs or in a chunk, so the files go beside both.
 */
const PDF_LAMBDAS: LambdaName[] = ["api", "send-worker"];
const PDF_DATA = [
  "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
  "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
  "node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc",
];
export function copyPdfData(outdir: string) {
  for (const dir of [path.join(outdir, "data"), path.join(outdir, "chunks", "data")]) {
    fs.mkdirSync(dir, { recursive: true });
    for (const file of PDF_DATA) fs.copyFileSync(path.join(root, file), path.join(dir, path.basename(file)));
  }
}

let built: string | undefined;

/** Bundles every function once (or finds the cached build): <dir>/<name>/index.mjs (+ .map). */
function buildAll(): string {
  if (built) return built;
  const key = cacheKey();
  const dir = path.join(cacheRoot, key);
  if (!fs.existsSync(path.join(dir, "complete"))) {
    const tmp = `${dir}.${process.pid}.tmp`;
    fs.rmSync(tmp, { recursive: true, force: true });
    // Each function on its own (splitting shares chunks only within one function's build).
    const metafiles = (Object.keys(lambdaEntries) as LambdaName[]).map(
      (name) => buildSync({ ...lambdaBuildOptions(name, path.join(tmp, name)), logLevel: "warning", metafile: true }).metafile,
    );
    for (const name of PDF_LAMBDAS) copyPdfData(path.join(tmp, name));
    const outside = metafiles
      .flatMap((m) => Object.keys(m.inputs))
      .filter((f) => !f.startsWith("node_modules/") && !SOURCE_DIRS.some((d) => f.startsWith(`${d}/`)));
    if (outside.length) {
      fs.rmSync(tmp, { recursive: true, force: true });
      throw new Error(
        `The Lambda bundles read ${outside.join(", ")}, outside ${SOURCE_DIRS.join(", ")}: add the folder to SOURCE_DIRS in infra/bundling.ts.`,
      );
    }
    if (cacheKey() !== key) {
      // A file changed while esbuild ran: use this build now, but do not keep it under the old key.
      process.once("exit", () => fs.rmSync(tmp, { recursive: true, force: true }));
      built = tmp;
      return tmp;
    }
    fs.writeFileSync(path.join(tmp, "complete"), "");
    // One build is kept: the older ones go (each is some 25 MB).
    for (const old of fs.readdirSync(cacheRoot))
      if (!old.endsWith(".tmp") && old !== key) fs.rmSync(path.join(cacheRoot, old), { recursive: true, force: true });
    try {
      fs.renameSync(tmp, dir);
    } catch {
      fs.rmSync(tmp, { recursive: true, force: true }); // another synth finished the same build first
    }
  }
  built = dir;
  return dir;
}

/** The deployable code of one function: its folder of the shared esbuild run, hashed by content. */
export function lambdaCode(name: LambdaName): lambda.Code {
  // The source is the function's own folder (it keeps the four assets apart in CDK's cache);
  // esbuild follows the imports from there into shared/ and emails/.
  return lambda.Code.fromAsset(path.join(root, path.dirname(lambdaEntries[name])), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Only used if local bundling declined, which it never does (esbuild is a dependency).
      image: lambda.Runtime.NODEJS_24_X.bundlingImage,
      local: {
        tryBundle(outputDir: string) {
          const dir = path.join(buildAll(), name);
          fs.cpSync(dir, outputDir, { recursive: true });
          return true;
        },
      },
    },
  });
}

/** The output files a cold start loads: the entry (index.mjs) and every chunk it imports statically. */
export function outputsLoadedAtImport(metafile: Metafile): string[] {
  const entry = Object.keys(metafile.outputs).find((f) => f.endsWith("/index.mjs"))!;
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const i of metafile.outputs[file]!.imports)
      if (i.kind === "import-statement" && metafile.outputs[i.path]) queue.push(i.path);
  }
  return [...seen];
}
