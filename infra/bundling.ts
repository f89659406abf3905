import { type BundlingOptions, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";

/**
 * How every Lambda is bundled (local esbuild, no Docker). ESM, with a require shim because some
 * dependencies (mjml in the send worker) still use require. bench/coldstart.ts uses the same
 * options, so the figures it prints are for the bundles CDK deploys.
 */
export const REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export const bundling: BundlingOptions = {
  format: OutputFormat.ESM,
  target: "node22",
  minify: true,
  sourceMap: true,
  mainFields: ["module", "main"],
  banner: REQUIRE_BANNER,
  // The AWS SDK v3 is in the Lambda runtime; bundling our own pins the version we test with.
  externalModules: [],
};

export const lambdaEntries = {
  api: "functions/api/handler.ts",
  "send-worker": "functions/send-worker/handler.ts",
  tick: "functions/tick/handler.ts",
  "ses-events": "functions/ses-events/handler.ts",
} as const;
export type LambdaName = keyof typeof lambdaEntries;
