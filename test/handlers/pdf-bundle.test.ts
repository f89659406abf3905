// The archival PDF as the api Lambda runs it: bundled with the deploy's esbuild options, the data files copied the way
// infra/bundling.ts copies them, run by node in a folder with no node_modules (as in Lambda).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { copyPdfData, esbuildOptions } from "../../infra/bundling.js";

const dir = mkdtempSync(join(tmpdir(), "pdf-bundle-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the archival PDF in a Lambda bundle", () => {
  it("finds its fonts and colour profile beside the bundle, with no node_modules", async () => {
    const entry = join(dir, "entry.ts");
    writeFileSync(
      entry,
      `import { innkallingPdf } from ${JSON.stringify(join(process.cwd(), "shared/archival-pdf/index.ts"))};
const pdf = await innkallingPdf({ meetingId: "m", version: 1, sequence: 0, status: "scheduled", bodyName: "Rådmannsgruppen",
  meetingTitle: "Møte", startsAt: "2030-06-01T07:00:00Z", endsAt: "2030-06-01T10:00:00Z", date: "01.06.2030", when: "kl. 09",
  place: "Øvre Eiker", kind: "physical", agenda: [], attachments: [], secretariat: { name: "Nina", email: "n@x.no" },
  organiserEmail: "svar@x.no" }, "nb");
console.log(JSON.stringify({ bytes: pdf.length, pdfa: pdf.toString("latin1").includes("<pdfaid:part>2</pdfaid:part>") }));`,
    );
    const out = join(dir, "lambda");
    await build({
      ...esbuildOptions,
      entryPoints: { index: entry },
      outdir: out,
      outExtension: { ".js": ".mjs" },
      splitting: true,
      chunkNames: "chunks/[name]-[hash]",
      logLevel: "silent",
    });
    copyPdfData(out);
    const printed = execFileSync(process.execPath, [join(out, "index.mjs")], { cwd: out, encoding: "utf8" });
    const result = JSON.parse(printed.trim().split("\n").at(-1)!);
    expect(result.pdfa).toBe(true);
    expect(result.bytes).toBeGreaterThan(5000);
  });
});
