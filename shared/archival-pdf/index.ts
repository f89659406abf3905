/**
 * The archival PDFs (PDF/A-2b, made with pdfkit: no browser, runs in Lambda): the innkalling and the
 * referat, from the same models as their emails (shared/sending/email-model.ts), so the PDF says
 * what the email says. Texts in the body's language (nb-pdf.ts / nn-pdf.ts).
 */
import PDFDocument from "pdfkit";
import type { MeetingEmailModel, MinutesEmailModel } from "../../emails/index.js";
import { nbPdf } from "../i18n/nb-pdf.js";
import { nnPdf } from "../i18n/nn-pdf.js";
import { secretariatLine } from "../minutes/index.js";
import type { BodyLanguage } from "../model.js";
import { pdfFonts } from "./fonts.js";

type Texts = typeof nbPdf;
type Doc = InstanceType<typeof PDFDocument>;
type Outcome = { status: "decided" | "noted" | "postponed"; decision?: string; text?: string };

export const pdfTexts = (language: BodyLanguage | undefined): Texts => (language === "nn" ? nnPdf : nbPdf);

/** A PDF/A-2b document with the embedded fonts, written to bytes. */
async function writePdf(
  meta: { title: string; author: string; language: BodyLanguage | undefined },
  draw: (doc: Doc) => void,
): Promise<Buffer> {
  const fonts = pdfFonts();
  const doc = new PDFDocument({
    // The embedded font from the start: pdfkit's default (Helvetica) is neither embedded nor bundled.
    font: fonts.regular as unknown as string,
    size: "A4",
    margin: 56,
    subset: "PDF/A-2b",
    pdfVersion: "1.7",
    lang: meta.language === "nn" ? "nn-NO" : "nb-NO",
    displayTitle: true,
    info: { Title: meta.title, Author: meta.author, Creator: "Møteinnkalling" },
  });
  doc.registerFont("Regular", fonts.regular);
  doc.registerFont("Bold", fonts.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  doc.font("Regular").fontSize(11);
  draw(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

const heading = (doc: Doc, text: string, size = 13) => {
  doc.moveDown(0.6).font("Bold").fontSize(size).text(text).font("Regular").fontSize(11).moveDown(0.2);
};
const labelled = (doc: Doc, label: string, value: string) => {
  doc.font("Bold").text(`${label}: `, { continued: true }).font("Regular").text(value);
};

/** The innkalling: time, place, deadline, each case with its proposed decision and sub-items, the attachments. */
export function innkallingPdf(model: MeetingEmailModel, language: BodyLanguage | undefined): Promise<Buffer> {
  const tx = pdfTexts(language);
  const title = tx.innkallingTitle(model.bodyName);
  return writePdf({ title, author: model.bodyName, language }, (doc) => {
    doc.font("Bold").fontSize(18).text(title).font("Regular").fontSize(11).moveDown(0.3);
    doc.text(model.meetingTitle).moveDown(0.5);
    labelled(doc, tx.time, model.when);
    labelled(doc, tx.place, model.place);
    if (model.deadline) labelled(doc, tx.deadline, model.deadline);
    heading(doc, tx.cases, 15);
    for (const item of model.agenda) {
      heading(doc, item.number ? `${tx.case(item.number)} ${item.title}` : item.title);
      if (item.background) doc.text(item.background);
      for (const s of item.subItems) {
        doc.font("Bold").text(`${s.letter} ${s.title}`).font("Regular");
        for (const b of s.bullets) doc.text(`• ${b}`, { indent: 14 });
      }
      if (item.proposedDecision) labelled(doc, tx.proposedDecision, item.proposedDecision);
    }
    attachmentList(doc, tx, model.attachments);
    doc.moveDown().text(tx.contact(model.secretariat.name, model.secretariat.email));
  });
}

/** The referat: who was there, each case with its sub-items and outcome, the attachments; a correction says so. */
export function referatPdf(model: MinutesEmailModel, language: BodyLanguage | undefined): Promise<Buffer> {
  const tx = pdfTexts(language);
  const title = tx.referatTitle(model.bodyName);
  return writePdf({ title, author: model.bodyName, language }, (doc) => {
    doc.font("Bold").fontSize(18).text(`${title} ${model.date}`).font("Regular").fontSize(11).moveDown(0.3);
    if (model.correction) doc.text(tx.correction(model.correction)).moveDown(0.3);
    labelled(doc, tx.time, model.when);
    labelled(doc, tx.place, model.place);
    labelled(doc, tx.present, model.present.join(", ") || tx.none);
    // The email's grouping by organisation ("Nina Solberg og Lena Hansson, Vestregionen").
    const secretariat = model.secretariat.map((p) => (typeof p === "string" ? { name: p } : p));
    labelled(doc, tx.secretariat, secretariatLine(secretariat) || tx.none);
    labelled(doc, tx.absent, model.absent.join(", ") || tx.none);
    heading(doc, tx.cases, 15);
    for (const item of model.items) {
      heading(doc, item.number ? `${tx.case(item.number)} ${item.title}` : item.title);
      if (item.text && item.status !== "postponed") doc.text(item.text);
      for (const s of item.subItems ?? []) {
        doc.font("Bold").text(`${s.letter} ${s.title}${s.status === "postponed" ? ` – ${tx.subItemPostponed}` : ""}`);
        doc.font("Regular");
        if (s.text) doc.text(s.text);
        outcome(doc, tx, s, true);
      }
      outcome(doc, tx, item, false);
    }
    attachmentList(doc, tx, model.attachments);
  });
}

function outcome(doc: Doc, tx: Texts, o: Outcome, subItem: boolean) {
  if (o.status === "postponed" && !subItem) doc.text([tx.postponed, o.text, o.decision].filter(Boolean).join(" "));
  else if (o.status === "postponed") {
    if (o.decision) doc.text(o.decision);
  } else if (o.decision) labelled(doc, tx.decision, o.decision);
  else if (o.status === "noted" && !subItem) doc.text(tx.noted);
}

function attachmentList(doc: Doc, tx: Texts, attachments: { number: number; title: string }[]) {
  if (attachments.length === 0) return;
  heading(doc, tx.attachments);
  for (const a of attachments) doc.text(tx.attachment(a.number, a.title));
}
