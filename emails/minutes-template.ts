/** The referat email: who was there, each case with its sub-items and outcome, the attachments, and a correction's reason. */
import type { MinutesEmailModel } from "./model.js";
import { attachmentList, contact, esc, page, para, plain, type TemplateSource, TOKENS, useTexts } from "./templates.js";
import { type EmailTexts, emailTexts } from "./texts.js";

/** The catalogue of the referat being built (set first by minutesTemplate; built synchronously). */
let m: EmailTexts = emailTexts();

type Secretariat = MinutesEmailModel["secretariat"];
type Outcome = { text?: string; decision?: string; status: "decided" | "noted" | "postponed" };
/** An email block: its HTML lines and its plain-text lines. */
type Block = { html: string[]; text: string[] };

/** "Nina Solberg og Lena Hansson, Vestregionen, Kari Nordmann, Bærum": people grouped by organisation, first named first. */
function secretariatWords(people: Secretariat): string {
  const byOrg: [string, string[]][] = [];
  for (const p of people) {
    const person = typeof p === "string" ? { name: p, organisation: undefined } : p;
    const org = person.organisation ?? "";
    const group = byOrg.find(([o]) => o === org);
    if (group) group[1].push(person.name);
    else byOrg.push([org, [person.name]]);
  }
  const and = (names: string[]) => names.slice(0, -1).join(", ") + (names.length > 1 ? " og " : "") + names.at(-1);
  return byOrg.map(([org, names]) => and(names) + (org ? `, ${org}` : "")).join(", ");
}

function textOf(o: Outcome, into: Block): void {
  if (o.text) {
    into.html.push(para(o.text));
    into.text.push(plain(o.text));
  }
}

/**
 * A case's or sub-item's outcome. A postponed one keeps its text ("Saken ble utsatt." then the text). A sub-item
 * only noted says nothing more (its case's outcome covers it): no "Tatt til orientering." after every letter.
 */
function outcome(o: Outcome, into: Block, postponedLine: string | undefined, notedLine: string | undefined): void {
  if (o.status === "postponed" && postponedLine) {
    into.html.push(esc(postponedLine));
    into.text.push(postponedLine);
  }
  if (o.decision) {
    const label = o.status === "postponed" ? "" : m.decision;
    into.html.push(`${label ? `<strong>${esc(label)}</strong><br />` : ""}${para(o.decision)}`);
    into.text.push(...(label ? [label] : []), plain(o.decision));
  } else if (o.status === "noted" && notedLine) {
    into.html.push(esc(notedLine));
    into.text.push(notedLine);
  }
}

function subItems(subs: NonNullable<MinutesEmailModel["items"][number]["subItems"]>, into: Block): void {
  for (const s of subs) {
    const head = `${s.letter} ${s.title}${s.status === "postponed" ? ` – ${m.subItemPostponed}` : ""}`;
    into.html.push(`<strong>${esc(head)}</strong>`);
    into.text.push("", `  ${plain(head)}`);
    textOf(s, into);
    outcome(s, into, undefined, undefined);
  }
}

export function minutesTemplate(model: MinutesEmailModel): TemplateSource {
  m = useTexts(model.language);
  const date = model.date;
  const corrected = model.correction !== undefined;
  const heading = corrected ? m.correctedMinutesHeading(model.bodyName, date) : m.minutesHeading(model.bodyName, date);
  const rows: [string, string][] = [
    [m.time, model.when],
    [m.place, model.place],
    [m.present, model.present.join(", ") || m.noOne],
    [m.secretariat, secretariatWords(model.secretariat) || m.noOne],
    [m.absent, model.absent.join(", ") || m.noOne],
  ];
  const html: string[] = [];
  const text: string[] = [heading, ""];
  if (model.correction) {
    html.push(`<mj-text><strong>${esc(m.correction(model.correction))}</strong></mj-text>`);
    text.push(plain(m.correction(model.correction)), "");
  }
  html.push(`<mj-text>${rows.map(([k, v]) => `<strong>${esc(k)}:</strong> ${esc(v)}`).join("<br /><br />")}</mj-text>`);
  text.push(...rows.map(([k, v]) => `${k}: ${plain(v)}\n`), "");
  // As seed 001: the unnumbered opening ("Godkjenning av innkalling og dagsorden"), then "Saker til behandling".
  const firstCase = model.items.findIndex((i) => i.number);
  for (const [n, item] of model.items.entries()) {
    if (n === firstCase) {
      html.push(`<mj-text padding-top="8px"><strong>${esc(m.agenda)}:</strong></mj-text>`);
      text.push(`${m.agenda}:`, "");
    }
    const label = `${item.number ? `${m.case} ${item.number} ` : ""}${item.title}`;
    const block: Block = { html: [`<strong>${esc(label)}</strong>`], text: [plain(label)] };
    // The case's text, its sub-items, then what was decided about the whole case.
    textOf(item, block);
    subItems(item.subItems ?? [], block);
    outcome(item, block, m.postponed, m.noted);
    html.push(`<mj-text padding-top="4px">${block.html.join("<br />")}</mj-text>`);
    text.push(block.text.join("\n"), "");
  }
  const att = attachmentList(model.attachments);
  const c = contact(model.secretariatContact);
  return {
    subject: corrected ? m.correctedMinutesSubject(model.bodyName, date) : m.minutesSubject(model.bodyName, date),
    mjml: page(heading, heading, [`<mj-text>${esc(m.to)} ${TOKENS.name}</mj-text>`, ...html, att.html, c.html].join("\n")),
    text: [`${m.to} ${TOKENS.name}`, "", ...text, att.text, c.text].join("\n"),
  };
}
