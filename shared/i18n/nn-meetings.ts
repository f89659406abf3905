/** Nynorsk texts of meetings, agendas and attachments: the same keys as nb-meetings.ts. */
import type { nbMeetings } from "./nb-meetings.js";

export const nnMeetings: typeof nbMeetings = {
  rules: {
    duplicateLetters: (letters: string) =>
      `Bokstaven ${letters} er brukt fleire gonger i same sak; kvart underpunkt har sin eigen bokstav.`,
    unknownAttachments: (numbers: string) => `Vedlegg ${numbers} finst ikkje på dette møtet. Last det opp først.`,
    alreadyWithdrawn: "Saka er alt trekt.",
    attachmentInUse: (n: number, cases: string) => `Vedlegg ${n} er knytt til ${cases}. Fjern det frå saka først.`,
    attachmentSent: (n: number) =>
      `Vedlegg ${n} er sendt ut med innkallinga og vert teke vare på, så lenkjene i e-postane verkar. Last opp ein retta versjon som nytt vedlegg.`,
    attachment: (n: number | string) => `vedlegg ${n}`,
    alreadyCancelled: "Møtet er alt avlyst.",
    heldNotCancelled: "Møtet er halde og kan ikkje avlysast.",
    invalidDate: "Ugyldig dato (bruk ÅÅÅÅ-MM-DD).",
    minutesItem: "Referat frå førre møte",
    minutesDecision: "Referatet vert godkjent.",
    minutesOf: (date: string, title: string) => `Referat frå møtet ${date} («${title}»).`,
    copyDateInPast: "Datoen har passert. Vel i dag eller ein seinare dag for neste møte.",
    otherBusiness: "Eventuelt",
  },
  apiDocs: {
    removeAgendaItem:
      "Slettar ei sak før innkallinga er sendt; etter innkallinga vert ho trekt i staden (merkt «Trekt», held på nummeret)",
    deleteAttachment: "Slettar eit vedlegg som ikkje er sendt ut og ikkje er knytt til noka sak",
    copyMeeting: "Kopierer møtet til ein ny dato: same tittel, stad, form og klokkeslett, med dei faste sakene",
  },
  pages: {
    withdrawn: "Trekt",
    deleteCase: "Slett saka",
    withdrawCase: "Trekk saka",
    withdrawHint: "Innkallinga er sendt: saka held på nummeret og vert merkt «Trekt».",
    deleteAttachment: (n: number) => `Slett vedlegg ${n}`,
    caseNumbers: "Saksnummer",
    nextCaseNumber: (year: number) => `Neste saksnummer i ${year}`,
    setCaseNumber: "Set neste saksnummer",
    cancelMeeting: "Avlys møtet",
    cancelHeading: (title: string) => `Avlyse «${title}»?`,
    cancelInvited:
      "Alle som fekk innkallinga, får ei avlysing med kalenderoppdatering, slik at møtet forsvinn frå kalenderen deira.",
    cancelDraft: "Innkallinga er ikkje sendt, så ingen får e-post.",
    confirmCancel: "Ja, avlys møtet",
    keepMeeting: "Nei, behald møtet",
    copyMeeting: "Kopier til neste møte",
    copyHint: "Same tittel, stad, form og klokkeslett, med «Referat frå førre møte» og «Eventuelt».",
    copyDate: "Dato for neste møte",
    copyDateHint: "Framlegg: same vekedag fire veker seinare.",
    copy: "Lag kopien",
  },
  notices: {
    caseDeleted: "Saka er sletta.",
    caseWithdrawn: "Saka er trekt. Ho held på nummeret og står som «Trekt».",
    attachmentDeleted: "Vedlegget er sletta.",
    caseNumberSet: (label: string) => `Neste sak får nummer ${label}.`,
    meetingCancelled: "Møtet er avlyst.",
    meetingCopied: "Møtet er kopiert. Sjekk tidene og legg til sakene.",
    attachmentNotDeleted: (why: string) => `Vedlegget vart ikkje sletta: ${why}`,
  },
};
