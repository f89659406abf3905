/** Texts of the emails to a kommune's postmottak (copies for journaling, escalation), bokmål and nynorsk. */
export const nb = {
  copySubject: (kind: string, body: string, title: string, date: string) =>
    `Kopi for journalføring: ${kind} – ${body}, ${title} ${date}`,
  kinds: { invitation: "Innkalling", cancellation: "Avlysning", minutes: "Referat" },
  copyIntro: "Kopi til postmottak for journalføring. Dokumentet ligger ved som PDF (arkivformat PDF/A).",
  copyMembers: (org: string, names: string) => `Medlemmer fra ${org}: ${names}.`,
  escalationSubject: (body: string, title: string, date: string) => `Ubesvart innkalling: ${body}, ${title} ${date}`,
  escalation: (names: string, body: string) =>
    `Vi har ikke fått svar fra ${names} på innkallingen til møtet i ${body}. Vi ber dere sende dette videre, så vi får svar innen fristen.`,
  meeting: (title: string, when: string, place: string) => `Møtet: ${title}, ${when}, ${place}.`,
  deadline: (deadline: string) => `Svarfrist: ${deadline}.`,
  noReply: "Denne e-posten er ikke en personlig innkalling og har ingen svarlenke.",
  contact: (name: string, email: string) => `Spørsmål: ${name}, ${email}.`,
};

export const nn: typeof nb = {
  copySubject: (kind: string, body: string, title: string, date: string) =>
    `Kopi for journalføring: ${kind} – ${body}, ${title} ${date}`,
  kinds: { invitation: "Innkalling", cancellation: "Avlysing", minutes: "Referat" },
  copyIntro: "Kopi til postmottak for journalføring. Dokumentet ligg ved som PDF (arkivformat PDF/A).",
  copyMembers: (org: string, names: string) => `Medlemer frå ${org}: ${names}.`,
  escalationSubject: (body: string, title: string, date: string) => `Innkalling utan svar: ${body}, ${title} ${date}`,
  escalation: (names: string, body: string) =>
    `Me har ikkje fått svar frå ${names} på innkallinga til møtet i ${body}. Me ber dykk sende dette vidare, slik at me får svar innan fristen.`,
  meeting: (title: string, when: string, place: string) => `Møtet: ${title}, ${when}, ${place}.`,
  deadline: (deadline: string) => `Svarfrist: ${deadline}.`,
  noReply: "Denne e-posten er ikkje ei personleg innkalling og har inga svarlenkje.",
  contact: (name: string, email: string) => `Spørsmål: ${name}, ${email}.`,
};
