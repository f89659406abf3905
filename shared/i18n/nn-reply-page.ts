/** The reply page's own texts in nynorsk: the same keys as nb-reply-page.ts. */
import type { nbReplyPage } from "./nb-reply-page.js";

export const nnReplyPage: typeof nbReplyPage = {
  substituteChoices: { attending: "Ja, eg kjem", absent: "Nei, eg kan ikkje likevel (forfall)" },
  caseWithdrawn: "Trekt",
  formErrors: {
    substituteName: "Skriv namnet på stadfortredaren.",
    substituteEmail: "Skriv ei gyldig e-postadresse for stadfortredaren.",
    tooLong: (max: number) => `Kan ha høgst ${max} teikn.`,
  },
};
