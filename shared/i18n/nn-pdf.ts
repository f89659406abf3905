/** Texts of the archival PDFs (innkalling and referat), nynorsk; the same keys as nb-pdf.ts. */
import type { nbPdf } from "./nb-pdf.js";

export const nnPdf: typeof nbPdf = {
  innkallingTitle: (body: string) => `Innkalling til møte i ${body}`,
  referatTitle: (body: string) => `Referat frå møte i ${body}`,
  time: "Tid",
  place: "Stad",
  deadline: "Svarfrist",
  cases: "Saker til handsaming",
  case: (n: string) => `Sak ${n}`,
  proposedDecision: "Framlegg til vedtak",
  decision: "Vedtak",
  postponed: "Saka vart utsett.",
  subItemPostponed: "utsett",
  noted: "Teke til orientering.",
  attachments: "Vedlegg",
  attachment: (n: number, title: string) => `Vedlegg ${n}: ${title}`,
  present: "Til stades",
  secretariat: "Sekretariatet",
  absent: "Forfall",
  none: "Ingen",
  correction: (reason: string) => `Retta referat. Grunnen til rettinga: ${reason}`,
  contact: (name: string, email: string) => `Sekretariatet: ${name}, ${email}`,
  filename: (kind: "innkalling" | "referat", body: string, date: string) =>
    `${kind === "innkalling" ? "Innkalling" : "Referat"} ${body} ${date}.pdf`,
};
