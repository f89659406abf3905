// What the secretariat may send in (API bodies and forms), as strict zod schemas: one file per domain under inputs/.
// Strict objects: an unknown field is an error, not silently dropped. Times are accepted as Oslo wall-clock
// ("2017-06-01T09:00") or as an instant with offset/Z.
export * from "./inputs/directory.js";
export * from "./inputs/meetings.js";
export * from "./inputs/minutes.js";
