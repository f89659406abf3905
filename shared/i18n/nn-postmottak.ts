/** Nynorsk twin of nb-postmottak.ts. */
import type { nbPostmottak } from "./nb-postmottak.js";

export const nnPostmottak: typeof nbPostmottak = {
  escalated: "Purra via postmottak",
  toPostmottak: (address: string) => `til ${address}`,
};
