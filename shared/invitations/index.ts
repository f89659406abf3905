/** Invitations: personal links, replies and substitutes, and the per-kommune board of who comes. */

export * from "../links.js";
export * from "../store/invitations.js";
export * from "../store/reply-history.js";
export * from "./attendance-csv.js";
export * from "./board.js";
export * from "./history.js";
export * from "./link-replies.js";
export * from "./replies.js";
export * from "./reply-form.js";
export * from "./reply-service.js";
export * from "./seats.js";
