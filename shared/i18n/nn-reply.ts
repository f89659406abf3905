/** The participant's reply page in nynorsk: the same keys as nb.ts's `reply` and nb-reply-page.ts. */
import type { Messages } from "./nb.js";
import type { nbReplyPage } from "./nb-reply-page.js";

export const nnReply: Messages["reply"] = {
  tooManyTitle: "For mange forsøk",
  tooMany: "Det er sendt svært mange svar herfrå på kort tid. Vent ei stund og prøv igjen, eller kontakt sekretariatet.",
  pageTitle: (meeting: string) => `Svar på innkalling: ${meeting}`,
  greeting: (name: string) => `Hei, ${name}`,
  substituteFor: (name: string, org?: string) => `Du møter for ${name}${org ? `, ${org}` : ""}.`,
  time: "Tid",
  place: "Stad",
  deadline: "Svarfrist",
  agenda: "Saker til handsaming",
  attachments: "Vedlegg",
  attachment: (n: number, title: string) => `Vedlegg ${n}: ${title}`,
  yourReply: "Svaret ditt",
  noReplyYet: "Du har ikkje svart enno.",
  current: {
    attending: "Du kjem.",
    absent: "Du har meldt forfall.",
    substitute: (name: string) => `Du sender stadfortredar: ${name}.`,
  },
  legend: "Kjem du?",
  attending: "Ja, eg kjem",
  absent: "Nei, eg melder forfall",
  substitute: "Nei, eg sender stadfortredar",
  reason: "Grunn til forfall (valfritt)",
  substituteName: "Namnet på stadfortredaren",
  substituteEmail: "E-posten til stadfortredaren",
  substituteEmailHint: "Stadfortredaren får si eiga innkalling med eiga svarlenkje.",
  substituteRole: "Rolla til stadfortredaren (valfritt)",
  submit: "Send svar",
  change: "Endre svaret",
  saved: "Takk! Svaret ditt er registrert. Du får ei stadfesting på e-post.",
  chooseOne: "Vel eitt av svara.",
  errorsHeading: "Svaret vart ikkje lagra. Rett opp dette:",
  closed: "Svarfristen er ute. Vil du endre svaret, ta kontakt med sekretariatet:",
  cancelled: "Møtet er avlyst.",
  contact: (name: string, email: string, phone?: string) => `${name}, ${email}${phone ? `, tlf. ${phone}` : ""}`,
  notFoundTitle: "Lenkja finst ikkje",
  notFound: "Me fann inga innkalling for denne lenkja. Sjekk at heile lenkja frå e-posten er med, eller kontakt sekretariatet.",
  withdrawnTitle: "Invitasjonen er trekt tilbake",
  withdrawn: "Denne invitasjonen gjeld ikkje lenger. Ta kontakt med sekretariatet om du meiner det er feil:",
  forbidden: "Skjemaet kunne ikkje sendast (tryggleikssjekk). Last sida på nytt og prøv igjen.",
};

export const nnReplyPage: typeof nbReplyPage = {
  substituteChoices: { attending: "Ja, eg kjem", absent: "Nei, eg kan ikkje likevel (forfall)" },
  caseWithdrawn: "Trekt",
  formErrors: {
    substituteName: "Skriv namnet på stadfortredaren.",
    substituteEmail: "Skriv ei gyldig e-postadresse for stadfortredaren.",
    tooLong: (max: number) => `Kan ha høgst ${max} teikn.`,
  },
};
