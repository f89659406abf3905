/** Jobs: scheduled work stored in the table, claimed once, retried with back-off; the caller hands in the handlers. */
export * from "./jobs.js";
