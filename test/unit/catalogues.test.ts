// Every catalogue a body's participants and the public read exists in bokmål and nynorsk with the same keys: a key
// missing in either language (or a text of another shape) fails here, naming its path.
import { describe, expect, it } from "vitest";
import { nbEmails } from "../../emails/nb.js";
import { nnEmails } from "../../emails/nn.js";
import { nb as nbPostmottak, nn as nnPostmottak } from "../../emails/postmottak-texts.js";
import { t } from "../../shared/i18n/nb.js";
import { nbPdf } from "../../shared/i18n/nb-pdf.js";
import { nbReplyPage } from "../../shared/i18n/nb-reply-page.js";
import { nnArchive } from "../../shared/i18n/nn-archive.js";
import { nnPdf } from "../../shared/i18n/nn-pdf.js";
import { nnReply, nnReplyPage } from "../../shared/i18n/nn-reply.js";

/** The pairs: what a body's emails, reply page, PDF, archive and postmottak emails say. */
const pairs: [string, unknown, unknown][] = [
  ["emails (emails/nb.ts, nn.ts)", nbEmails, nnEmails],
  ["postmottak emails (emails/postmottak-texts.ts)", nbPostmottak, nnPostmottak],
  ["reply page (nb.ts reply, nn-reply.ts)", t.reply, nnReply],
  ["reply page extras (nb-reply-page.ts, nn-reply.ts)", nbReplyPage, nnReplyPage],
  ["archive (nb.ts archive, nn-archive.ts)", t.archive, nnArchive],
  ["PDF (nb-pdf.ts, nn-pdf.ts)", nbPdf, nnPdf],
];

type Leaf = { path: string; value: unknown };

/** Where two catalogues differ in shape: keys missing on either side, texts of another kind, functions of another arity. */
function shapeDifferences(a: unknown, b: unknown, path = ""): string[] {
  const kind = (v: unknown) => (Array.isArray(v) ? "array" : typeof v);
  if (kind(a) !== kind(b)) return [`${path || "(root)"}: ${kind(a)} in bokmål, ${kind(b)} in nynorsk`];
  if (typeof a === "function" && typeof b === "function")
    return a.length === b.length ? [] : [`${path}: takes ${a.length} arguments in bokmål, ${b.length} in nynorsk`];
  if (typeof a === "string") return a.trim() && String(b).trim() ? [] : [`${path}: empty text`];
  if (a && typeof a === "object" && b && typeof b === "object") {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
    return [...keys].flatMap((k) => {
      const at = path ? `${path}.${k}` : k;
      if (!(k in rb)) return [`${at}: missing in nynorsk`];
      if (!(k in ra)) return [`${at}: missing in bokmål`];
      return shapeDifferences(ra[k], rb[k], at);
    });
  }
  return [];
}

/** Every text of a catalogue: strings as they are, functions called with sample arguments. */
function leaves(o: unknown, path = ""): Leaf[] {
  if (typeof o === "string") return [{ path, value: o }];
  if (typeof o === "function") return [{ path, value: o(...Array.from({ length: o.length }, (_, i) => `x${i}`)) }];
  if (o && typeof o === "object") return Object.entries(o).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [];
}

describe("the bokmål and nynorsk catalogues", () => {
  for (const [name, nb, nn] of pairs) {
    it(`${name}: the same keys and shapes in both languages`, () => {
      expect(shapeDifferences(nb, nn)).toEqual([]);
    });
    it(`${name}: nynorsk is translated, not copied`, () => {
      // Many short words are the same in both (Tid, Vedlegg, Sak, Forfall): but a catalogue copied from bokmål unchanged
      // would have every longer text equal. At least a quarter of the texts of 25+ characters must differ.
      const nnTexts = new Map(leaves(nn).map((l) => [l.path, String(l.value)]));
      const long = leaves(nb).filter((l) => String(l.value).length >= 25);
      const changed = long.filter((l) => nnTexts.get(l.path) !== String(l.value));
      expect(changed.length, `${changed.length} of ${long.length} long texts differ`).toBeGreaterThanOrEqual(long.length / 4);
    });
  }

  it("names the key a catalogue lacks, on either side", () => {
    const nb = { a: "Hei", b: { c: (x: string) => x, d: "Ja" } };
    expect(shapeDifferences(nb, { a: "Hei", b: { c: (x: string) => x } })).toEqual(["b.d: missing in nynorsk"]);
    expect(shapeDifferences({ a: "Hei" }, { a: "Hei", e: "Ekstra" })).toEqual(["e: missing in bokmål"]);
    expect(shapeDifferences({ f: (x: string) => x }, { f: (x: string, y: string) => x + y })).toEqual([
      "f: takes 1 arguments in bokmål, 2 in nynorsk",
    ]);
    expect(shapeDifferences({ g: "Tekst" }, { g: "" })).toEqual(["g: empty text"]);
  });
});
