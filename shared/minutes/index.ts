/** Minutes (referat): drafting, approving and scheduling the distribution of a meeting's minutes. */
export { SaveMinutesInput, ScheduleMinutesInput } from "../inputs.js";
export { Attendee, Minutes } from "../model.js";
export { attendeeLine, secretariatLine } from "./attendance.js";
export * from "./email.js";
export * from "./minutes.js";
export { draftMinutes, editMinutes } from "./rules.js";
