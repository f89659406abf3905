/** Nynorsk twin of nb-settings.ts (the secretariat's pages themselves are bokmål). */
import type { nbSettings } from "./nb-settings.js";

export const nnSettings: typeof nbSettings = {
  link: "Innstillingar",
  title: (body: string) => `Innstillingar: ${body}`,
  intro: "Kva deltakarane og publikum les, og kva som går til postmottaka i kommunane.",
  language: "Språk i e-post, svarside, PDF og arkiv",
  languages: { nb: "Bokmål", nn: "Nynorsk" },
  postmottakCopies: "Send kopi av innkalling og referat til postmottaka i kommunane (for journalføring)",
  escalationDays: "Purring til postmottak, tal på dagar før svarfristen",
  escalationHint: "Tomt: inga purring. Postmottaket i kommunen får ein e-post om medlemer som ikkje har svart.",
  varaCallIn: "Kall inn den personlege varaen til medlemen automatisk ved forfall utan stadfortredar",
  save: "Lagre innstillingane",
  saved: "Innstillingane er lagra.",
  notANumber: "Skriv eit heilt tal på dagar (1–30), eller la feltet stå tomt.",
  postmottak: "Postmottak (e-post)",
  postmottakHint: "Får kopi av innkalling og referat, og purring, når organet ber om det. Tomt: inkje.",
  postmottakTitle: (org: string) => `Postmottak: ${org}`,
  postmottakSaved: (org: string) => `Postmottaket til ${org} er lagra.`,
  postmottakNone: "inkje postmottak",
  varaFor: (member: string) => `Personleg vara for ${member}`,
  noVara: "Inga personleg vara",
  varaLine: (name: string) => `Vara: ${name}`,
};
