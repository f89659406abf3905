// The records the app keeps, as zod schemas (one file per domain under model/; see the glossary in DESIGN.md).
// These schemas validate what is stored and read back, so a malformed item is caught at the edge.
export * from "./model/directory.js";
export * from "./model/invitations.js";
export * from "./model/jobs.js";
export * from "./model/meetings.js";
export * from "./model/minutes.js";
