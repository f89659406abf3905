// Abuse limits: fixed-window counters in the table, shared by every Lambda instance.
export * from "./rate-limits.js";
