/** Norwegian (bokmål) texts of meetings, agendas and attachments: rules, the API's docs and the meeting pages. */
export const nbMeetings = {
  rules: {
    duplicateLetters: (letters: string) =>
      `Bokstaven ${letters} er brukt flere ganger i samme sak; hvert underpunkt har sin egen bokstav.`,
    unknownAttachments: (numbers: string) => `Vedlegg ${numbers} finnes ikke på dette møtet. Last det opp først.`,
    alreadyWithdrawn: "Saken er allerede trukket.",
    attachmentInUse: (n: number, cases: string) => `Vedlegg ${n} er knyttet til ${cases}. Fjern det fra saken først.`,
    attachmentSent: (n: number) =>
      `Vedlegg ${n} er sendt ut med innkallingen og beholdes, så lenkene i e-postene virker. Last opp en rettet versjon som nytt vedlegg.`,
    attachment: (n: number | string) => `vedlegg ${n}`,
    alreadyCancelled: "Møtet er allerede avlyst.",
    heldNotCancelled: "Møtet er avholdt og kan ikke avlyses.",
    invalidDate: "Ugyldig dato (bruk ÅÅÅÅ-MM-DD).",
    minutesItem: "Referat fra forrige møte",
    minutesDecision: "Referatet godkjennes.",
    minutesOf: (date: string, title: string) => `Referat fra møtet ${date} («${title}»).`,
    copyDateInPast: "Datoen har passert. Velg i dag eller en senere dag for neste møte.",
    otherBusiness: "Eventuelt",
  },
  apiDocs: {
    removeAgendaItem:
      "Sletter en sak før innkallingen er sendt; etter innkallingen trekkes den i stedet (merket «Trukket», beholder nummeret)",
    deleteAttachment: "Sletter et vedlegg som ikke er sendt ut og ikke er knyttet til noen sak",
    copyMeeting: "Kopierer møtet til en ny dato: samme tittel, sted, form og klokkeslett, med de faste sakene",
  },
  pages: {
    withdrawn: "Trukket",
    deleteCase: "Slett saken",
    withdrawCase: "Trekk saken",
    withdrawHint: "Innkallingen er sendt: saken beholder nummeret og merkes «Trukket».",
    deleteAttachment: (n: number) => `Slett vedlegg ${n}`,
    caseNumbers: "Saksnummer",
    nextCaseNumber: (year: number) => `Neste saksnummer i ${year}`,
    setCaseNumber: "Sett neste saksnummer",
    cancelMeeting: "Avlys møtet",
    cancelHeading: (title: string) => `Avlys «${title}»?`,
    cancelInvited:
      "Alle som fikk innkallingen får en avlysning med kalenderoppdatering, slik at møtet forsvinner fra kalenderen deres.",
    cancelDraft: "Innkallingen er ikke sendt, så ingen får e-post.",
    confirmCancel: "Ja, avlys møtet",
    keepMeeting: "Nei, behold møtet",
    copyMeeting: "Kopier til neste møte",
    copyHint: "Samme tittel, sted, form og klokkeslett, med «Referat fra forrige møte» og «Eventuelt».",
    copyDate: "Dato for neste møte",
    copyDateHint: "Foreslått: samme ukedag fire uker senere.",
    copy: "Lag kopien",
  },
  notices: {
    caseDeleted: "Saken er slettet.",
    caseWithdrawn: "Saken er trukket. Den beholder nummeret og står som «Trukket».",
    attachmentDeleted: "Vedlegget er slettet.",
    caseNumberSet: (label: string) => `Neste sak får nummer ${label}.`,
    meetingCancelled: "Møtet er avlyst.",
    meetingCopied: "Møtet er kopiert. Sjekk tidene og legg til sakene.",
    attachmentNotDeleted: (why: string) => `Vedlegget ble ikke slettet: ${why}`,
  },
};
