// The embedded font of the archival PDFs (PDF/A embeds every font): DejaVu Sans, which has æ, ø and å.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const FILES = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf" } as const;
let loaded: Record<keyof typeof FILES, Buffer> | undefined;

/**
 * In a Lambda bundle the files lie in ./data next to the bundle's code (infra/bundling.ts copies
 * them there, with pdfkit's colour profile); run from source, they come from the npm package.
 */
function fontPath(file: string): string {
  const bundled = fileURLToPath(new URL(`./data/${file}`, import.meta.url));
  return existsSync(bundled) ? bundled : createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`);
}

export function pdfFonts(): Record<keyof typeof FILES, Buffer> {
  loaded ??= { regular: readFileSync(fontPath(FILES.regular)), bold: readFileSync(fontPath(FILES.bold)) };
  return loaded;
}
