/** Jobs: scheduled work stored in the table, claimed once, retried with back-off; the caller hands in the handlers. */
export type { JobKind } from "../model.js";
export * from "./jobs.js";
export { afterFailure, MAX_JOB_ATTEMPTS } from "./rules.js";
