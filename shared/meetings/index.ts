/** Meetings: the meeting, its agenda of numbered cases, attachments, and the rules for times and case numbers. */
export * from "../store/meetings.js";
export * from "../store/snapshots.js";
export * from "./attachment-types.js";
export * from "./change.js";
export * from "./rules.js";
