/** The secretariat's words for what went to a kommune's postmottak (the reply history). */
export const nbPostmottak = {
  escalated: "Purret via postmottak",
  toPostmottak: (address: string) => `til ${address}`,
};
