// Every catalogue exists in bokmål and nynorsk with the same keys: a key missing in either language (or a text of another
// shape) fails here, naming its path. Catalogues are discovered, not listed: every shared/i18n/nb*.ts and emails/nb*.ts
// needs its nn*.ts sibling, and every emails/*-texts.ts its `nb` and `nn` objects; a new catalogue is covered as it lands.
import { describe, expect, it } from "vitest";

declare global {
  interface ImportMeta {
    /** Vite's (and so Vitest's) glob import; knip reads it too, so the nynorsk files count as used. */
    glob(patterns: string[], options: { eager: true }): Record<string, Record<string, unknown>>;
  }
}

const modules = import.meta.glob(
  [
    "../../shared/i18n/nb*.ts",
    "../../shared/i18n/nn*.ts",
    "../../emails/nb*.ts",
    "../../emails/nn*.ts",
    "../../emails/*-texts.ts",
  ],
  { eager: true },
);

/** A module's catalogues in one language: exports named `nb`, `nbX` (or `nn`, `nnX`), by what follows the prefix. */
function cataloguesOf(module: Record<string, unknown>, language: "nb" | "nn"): Map<string, unknown> {
  const named = Object.entries(module).filter(([name]) => new RegExp(`^${language}([A-Z]|$)`).test(name));
  return new Map(named.map(([name, value]) => [name.slice(2), value]));
}

interface Pair {
  name: string;
  nb: unknown;
  nn: unknown;
}

/** The pairs to compare, and the catalogues that lack a nynorsk sibling. */
function discover(found: Record<string, Record<string, unknown>>): { pairs: Pair[]; missing: string[] } {
  const pairs: Pair[] = [];
  const missing: string[] = [];
  const compare = (file: string, nbModule: Record<string, unknown>, nnModule: Record<string, unknown>) => {
    const nn = cataloguesOf(nnModule, "nn");
    for (const [suffix, value] of cataloguesOf(nbModule, "nb")) {
      if (nn.has(suffix)) pairs.push({ name: `${file} nb${suffix}`, nb: value, nn: nn.get(suffix) });
      else missing.push(`${file}: no nn${suffix} beside nb${suffix}`);
    }
  };
  for (const [file, module] of Object.entries(found)) {
    if (file.endsWith("-texts.ts")) compare(file, module, module);
    else if (/\/nb[^/]*\.ts$/.test(file)) {
      const sibling = file.replace(/\/nb([^/]*\.ts)$/, "/nn$1");
      const nnModule = found[sibling];
      if (nnModule) compare(file, module, nnModule);
      else missing.push(`${file}: no ${sibling.split("/").pop()} beside it`);
    }
  }
  return { pairs, missing };
}

/** Where two catalogues differ in shape: keys missing on either side, texts of another kind or empty, other arity. */
function shapeDifferences(a: unknown, b: unknown, path = ""): string[] {
  const kind = (v: unknown) => (Array.isArray(v) ? "array" : typeof v);
  const at = path || "(root)";
  if (kind(a) !== kind(b)) return [`${at}: ${kind(a)} in bokmål, ${kind(b)} in nynorsk`];
  if (typeof a === "function" && typeof b === "function")
    return a.length === b.length ? [] : [`${at}: takes ${a.length} arguments in bokmål, ${b.length} in nynorsk`];
  if (typeof a === "string") return a.trim() && String(b).trim() ? [] : [`${at}: empty text`];
  if (a && typeof a === "object" && b && typeof b === "object") {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    return [...new Set([...Object.keys(ra), ...Object.keys(rb)])].flatMap((k) => {
      const key = path ? `${path}.${k}` : k;
      if (!(k in rb)) return [`${key}: missing in nynorsk`];
      if (!(k in ra)) return [`${key}: missing in bokmål`];
      return shapeDifferences(ra[k], rb[k], key);
    });
  }
  return [];
}

/** A text function's output for sample arguments: strings first, then lists, then records (whatever it accepts). */
function sampleText(f: (...args: unknown[]) => unknown): string | undefined {
  const tries = [(i: number) => `x${i}`, (i: number) => [`x${i}`], () => ({})];
  for (const arg of tries) {
    try {
      return String(f(...Array.from({ length: f.length }, (_, i) => arg(i))));
    } catch {
      // Not this kind of argument: try the next.
    }
  }
  return undefined;
}

/** Every text of a catalogue by its path: strings as they are, functions called with sample arguments. */
function texts(o: unknown, path = ""): Map<string, string> {
  if (typeof o === "string") return new Map([[path, o]]);
  if (typeof o === "function") {
    const text = sampleText(o as (...args: unknown[]) => unknown);
    return new Map(text === undefined ? [] : [[path, text]]);
  }
  if (o && typeof o === "object") return new Map(Object.entries(o).flatMap(([k, v]) => [...texts(v, path ? `${path}.${k}` : k)]));
  return new Map();
}

/**
 * The long bokmål texts (four words or more) that nynorsk has word for word. Short labels are often the same in both
 * («Vedlegg», «Forfall», «Send svar»); a longer sentence almost always has a word that differs (ikkje, eg, frå, vert, -a).
 */
function copiedTexts(nb: unknown, nn: unknown): { long: number; copied: string[] } {
  const nnTexts = texts(nn);
  const long = [...texts(nb)].filter(([, text]) => text.trim().split(/\s+/).length >= 4);
  return { long: long.length, copied: long.filter(([path, text]) => nnTexts.get(path) === text).map(([path]) => path) };
}

/**
 * Most long texts must differ: at most half may be the same in both. Texts of names, numbers and words spelled alike
 * («Innkalling: {organ} – {tittel} {dato}», «Kopier til neste møte») are the same in a real translation, up to a third
 * of a small catalogue's long texts; a catalogue copied from bokmål has all of them the same.
 */
const MAX_COPIED_SHARE = 0.5;

const { pairs, missing } = discover(modules);

describe("the bokmål and nynorsk catalogues", () => {
  it("are found, and every bokmål catalogue has its nynorsk sibling", () => {
    expect(pairs.length).toBeGreaterThanOrEqual(10);
    expect(missing).toEqual([]);
  });

  for (const { name, nb, nn } of pairs) {
    it(`${name}: the same keys and shapes in both languages`, () => {
      expect(shapeDifferences(nb, nn)).toEqual([]);
    });
    it(`${name}: nynorsk is translated, not copied`, () => {
      const { long, copied } = copiedTexts(nb, nn);
      expect(copied.length, `copied from bokmål: ${copied.join(", ")}`).toBeLessThanOrEqual(long * MAX_COPIED_SHARE);
    });
  }
});

describe("the comparison itself", () => {
  it("names the key a catalogue lacks, on either side, and other shapes", () => {
    const nb = { a: "Hei", b: { c: (x: string) => x, d: "Ja" } };
    expect(shapeDifferences(nb, { a: "Hei", b: { c: (x: string) => x } })).toEqual(["b.d: missing in nynorsk"]);
    expect(shapeDifferences({ a: "Hei" }, { a: "Hei", e: "Ekstra" })).toEqual(["e: missing in bokmål"]);
    expect(shapeDifferences({ f: (x: string) => x }, { f: (x: string, y: string) => x + y })).toEqual([
      "f: takes 1 arguments in bokmål, 2 in nynorsk",
    ]);
    expect(shapeDifferences({ g: "Tekst" }, { g: "" })).toEqual(["g: empty text"]);
    expect(shapeDifferences({ h: { i: "Tekst" } }, { h: "Tekst" })).toEqual(["h: object in bokmål, string in nynorsk"]);
  });

  it("finds a missing sibling file and a missing catalogue in a texts file", () => {
    const found = {
      "../../shared/i18n/nb-x.ts": { nbX: { a: "Hei" } },
      "../../shared/i18n/nb-y.ts": { nbY: { a: "Hei" } },
      "../../shared/i18n/nn-y.ts": { nnY: { a: "Hei" } },
      "../../emails/z-texts.ts": { nb: { a: "Hei" } },
    };
    const { pairs: p, missing: m } = discover(found);
    expect(p.map((x) => x.name)).toEqual(["../../shared/i18n/nb-y.ts nbY"]);
    expect(m).toEqual(["../../shared/i18n/nb-x.ts: no nn-x.ts beside it", "../../emails/z-texts.ts: no nn beside nb"]);
  });

  it("catches a nynorsk catalogue copied from bokmål", () => {
    const nb = { a: "Du har ikke svart ennå.", b: (n: string) => `Svaret ditt er registrert, ${n}.`, c: "Vedlegg" };
    expect(copiedTexts(nb, { ...nb, c: "Vedlegg" })).toEqual({ long: 2, copied: ["a", "b"] });
    expect(copiedTexts(nb, { ...nb, a: "Du har ikkje svart enno." }).copied).toEqual(["b"]);
  });
});
