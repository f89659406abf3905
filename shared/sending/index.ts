/** Sending: a send to a meeting's list, its deliveries, the worker that composes and sends them, and SES events. */

export { composeDelivery } from "./compose.js";
export * from "./email-model.js";
export * from "./late.js";
export * from "./messages.js";
export { escalation } from "./postmottak.js";
export * from "./progress.js";
export * from "./rate-limiter.js";
export * from "./reply-emails.js";
export * from "./sends.js";
export * from "./ses-events.js";
export * from "./worker.js";
