/** The emails' catalogue for a body's language: bokmål (nb.ts) unless it writes nynorsk (nn.ts). */
import { nbEmails } from "./nb.js";
import { nnEmails } from "./nn.js";

export type EmailTexts = typeof nbEmails;
export type EmailLanguage = "nb" | "nn";

export const emailTexts = (language?: EmailLanguage): EmailTexts => (language === "nn" ? nnEmails : nbEmails);
