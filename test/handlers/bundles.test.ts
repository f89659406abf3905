import { build } from "esbuild";
import { describe, expect, it } from "vitest";

/**
 * Bundle diet: each Lambda's handler module, bundled the way CDK bundles it (infra/bundling.ts),
 * takes in only the Powertools utilities it uses. The api (every page, the reply form) has the
 * logger only: no parser, no batch processor. Sizes and import times are `npm run bench -- coldstart`.
 */
const powertoolsIn = async (entry: string) => {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, platform: "node", format: "esm", target: "node22", mainFields: ["module", "main"], metafile: true, logLevel: "silent" });
  return [...new Set(Object.keys(result.metafile.inputs).flatMap((path) => /node_modules\/@aws-lambda-powertools\/([^/]+)\//.exec(path)?.[1] ?? []))].sort();
};

describe("which Powertools utilities each Lambda bundles", () => {
  it.each([
    ["functions/api/handler.ts", ["commons", "logger"]],
    ["functions/tick/handler.ts", ["commons", "logger", "parser"]],
    ["functions/ses-events/handler.ts", ["commons", "logger", "parser"]],
    ["functions/send-worker/handler.ts", ["batch", "commons", "logger", "parser"]],
  ])("%s: %j", async (entry, expected) => {
    expect(await powertoolsIn(entry)).toEqual(expected);
  });
});
