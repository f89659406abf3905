/** Minutes (referat): drafting, approving and scheduling the distribution of a meeting's minutes. */
export { SaveMinutesInput, ScheduleMinutesInput } from "../inputs.js";
export { Attendee, Minutes } from "../model.js";
export * from "./minutes.js";
export { attendeeLine, draftMinutes, editMinutes } from "./rules.js";
