// Meetings: the meeting, its agenda of numbered cases, attachments, snapshots, and the rules for times and case numbers.

export * from "../attachment-types.js";
// When replies close is the invitations' rule (the participant's path reads it without this face).
export { replyOpen } from "../invitations/index.js";
export { addAttachment, findRecordedUpload, setAttachmentExempt } from "../store/attachments.js";
export { getMeetingBundle, getMeetingRecord, listMeetings } from "../store/meetings.js";
export { toUtcIso } from "../time.js";
export { addAgendaItem, moveAgendaItem, nextCaseNumberLabel, setNextCaseNumber, updateAgendaItem } from "./agenda.js";
export { editAgendaItem, moveCase, planAgendaItem } from "./agenda-rules.js";
export { changeMeeting, createMeeting } from "./change.js";
export { scheduleReminder } from "./reminder.js";
export { checkMeetingTimes, compareCaseNumbers, formatCaseNumber, meetingChanges } from "./rules.js";
