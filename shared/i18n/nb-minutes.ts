/** Norwegian (bokmål) texts of the minutes (referat): rules, the API's docs and the minutes pages. */
export const nbMinutes = {
  rules: {
    letter: "Underpunkt merkes med én stor bokstav (A, B, …).",
    duplicateLetters: (letters: string) => `Bokstaven ${letters} er brukt to ganger i samme sak; hvert underpunkt har sin egen.`,
    unknownSubItem: (letter: string) => `Ukjent underpunkt ${letter}.`,
    unknownAttachment: (numbers: string) => `Vedlegg ${numbers} finnes ikke på dette møtet.`,
    notStarted: (start: string) =>
      `Møtet har ikke begynt ennå (starter ${start}). Referatet kan godkjennes og sendes først etter møtestart.`,
    noSuchVersion: (n: number | string) => `versjon ${n} av referatet`,
    invalidValue: "Ugyldig verdi.",
    tooBig: (max: number) => `For langt eller for mange (høyst ${max}).`,
  },
  apiDocs: {
    listVersions: "Alle lagrede versjoner av referatet, med grunn til rettelse",
    getVersion: "Én lagret versjon av referatet",
  },
  pages: {
    subItem: (letter: string, title: string) => `${letter} ${title}`,
    secretariatHint: "Én per linje: «Navn, Organisasjon».",
    referatAttachments: "Vedlegg til referatet",
    referatAttachmentsHint: "Velg vedleggene som sendes med referatet (last opp nye på vedleggssiden).",
    cancelDistribution: "Avbryt planlagt utsendelse",
    distributionCancelled: "Den planlagte utsendelsen er avbrutt.",
    versions: "Versjoner",
    versionsHeading: (meeting: string) => `Referatversjoner: ${meeting}`,
    versionHeading: (n: number) => `Versjon ${n}`,
    showVersions: "Vis alle versjoner av referatet",
    version: "Versjon",
    savedAt: "Lagret",
    by: "Av",
    reason: "Grunn til rettelse",
    noReason: "–",
    backToMinutes: "Tilbake til referatet",
    noVersions: "Referatet er ikke lagret ennå.",
    versionStatus: { draft: "Utkast", approved: "Godkjent" },
  },
} as const;
