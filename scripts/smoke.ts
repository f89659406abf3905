/**
 * Smoke test of a running system, deployed or local:  npm run smoke -- <baseUrl>
 *
 * Read-only by design: it never logs in, never posts a form a handler would act on, and never
 * names a real address, so it cannot send an email or write a record. The one POST (the 413
 * check) carries no CSRF token and no email field, and is refused by the body limit before any
 * handler runs; were the limit missing, the CSRF check would refuse it next (403).
 *
 * Prints one line per check and a summary; exit code 0 when every check passed, 1 when one
 * failed, 2 on a usage error. Only Node's built-in fetch: no dependencies beyond the message
 * catalogue (to recognise the Norwegian "not found" page).
 */
import { pathToFileURL } from "node:url";
import { normaliseBaseUrl, runSmoke, type SmokeResult } from "./smoke-checks.js";

export { validateOpenApi31 } from "./openapi-check.js";
export { EXPECTED_OPERATION_IDS, normaliseBaseUrl, runSmoke, type SmokeResult } from "./smoke-checks.js";

/** The CLI: one line per check, then a summary. */
export function formatReport(baseUrl: string, results: SmokeResult[]): string {
  const width = Math.max(...results.map((r) => r.name.length));
  const lines = [`Smoke test of ${baseUrl}`];
  for (const r of results) lines.push(`${r.ok ? "PASS" : "FAIL"}  ${r.name.padEnd(width)}  ${r.detail}`);
  const failed = results.filter((r) => !r.ok);
  lines.push(
    failed.length === 0
      ? `All ${results.length} checks passed.`
      : `${failed.length} of ${results.length} checks FAILED: ${failed.map((r) => r.name).join(", ")}.`,
  );
  return lines.join("\n");
}

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== "--");
  if (args.length !== 1 || args[0] === "-h" || args[0] === "--help") {
    console.error("usage: npm run smoke -- <baseUrl>    e.g. npm run smoke -- http://localhost:3000");
    return 2;
  }
  let base: string;
  try {
    base = normaliseBaseUrl(args[0]!);
  } catch (err) {
    console.error(`smoke: ${(err as Error).message}`);
    return 2;
  }
  const results = await runSmoke(base);
  console.log(formatReport(base, results));
  return results.every((r) => r.ok) ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(`smoke: ${err instanceof Error ? err.stack : String(err)}`);
      process.exitCode = 1;
    },
  );
}
