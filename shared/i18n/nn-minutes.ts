/** Nynorsk texts of the minutes (referat): the same keys as nb-minutes.ts. */
import type { nbMinutes } from "./nb-minutes.js";

export const nnMinutes: typeof nbMinutes = {
  rules: {
    letter: "Underpunkt vert merkte med éin stor bokstav (A, B, …).",
    duplicateLetters: (letters: string) => `Bokstaven ${letters} er brukt to gonger i same sak; kvart underpunkt har sin eigen.`,
    unknownSubItem: (letter: string) => `Ukjent underpunkt ${letter}.`,
    unknownAttachment: (numbers: string) => `Vedlegg ${numbers} finst ikkje på dette møtet.`,
    notStarted: (start: string) =>
      `Møtet har ikkje byrja enno (startar ${start}). Referatet kan godkjennast og sendast først etter møtestart.`,
    noSuchVersion: (n: number | string) => `versjon ${n} av referatet`,
    invalidValue: "Ugyldig verdi.",
    openingApproved: "Godkjent.",
    tooBig: (max: number) => `For langt eller for mange (høgst ${max}).`,
  },
  apiDocs: {
    listVersions: "Alle lagra versjonar av referatet, med grunn til retting",
    getVersion: "Éin lagra versjon av referatet",
  },
  pages: {
    subItem: (letter: string, title: string) => `${letter} ${title}`,
    noted: "Teke til orientering.",
    attachPdf: "Legg ved referatet som PDF (arkivformat)",
    subItemPostponed: "utsett",
    secretariatHint: "Éin per linje: «Namn, Organisasjon».",
    referatAttachments: "Vedlegg til referatet",
    referatAttachmentsHint: "Vel vedlegga som vert sende med referatet (last opp nye på vedleggssida).",
    cancelDistribution: "Avbryt planlagd utsending",
    distributionCancelled: "Den planlagde utsendinga er avbroten.",
    versions: "Versjonar",
    versionsHeading: (meeting: string) => `Referatversjonar: ${meeting}`,
    versionHeading: (n: number) => `Versjon ${n}`,
    showVersions: "Vis alle versjonane av referatet",
    version: "Versjon",
    savedAt: "Lagra",
    by: "Av",
    reason: "Grunn til retting",
    noReason: "–",
    backToMinutes: "Tilbake til referatet",
    noVersions: "Referatet er ikkje lagra enno.",
    versionStatus: { draft: "Utkast", approved: "Godkjent" },
  },
};
