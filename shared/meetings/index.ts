// Meetings: the meeting, its agenda of numbered cases, attachments, snapshots, and the rules for times and case numbers.

export * from "../attachment-types.js";
// When replies close is the invitations' rule (the participant's path reads it without this face).
export { replyOpen } from "../invitations/index.js";
export { addAttachment, findRecordedUpload, setAttachmentExempt } from "../store/attachments.js";
export { getMeetingBundle, getMeetingRecord, listMeetings } from "../store/meetings.js";
export { toUtcIso } from "../time.js";
export {
  addAgendaItem,
  moveAgendaItem,
  nextCaseNumberLabel,
  removeAgendaItem,
  setNextCaseNumber,
  updateAgendaItem,
} from "./agenda.js";
export { caseNumbersFrozen, editAgendaItem, moveCase, planAgendaItem, removeCase } from "./agenda-rules.js";
export { checkAttachmentRemovable, deleteAttachment } from "./attachments.js";
export { changeMeeting, createMeeting } from "./change.js";
export { copiedTimes, copyMeeting, suggestedCopyDate } from "./copy.js";
export { scheduleEscalation, scheduleReminder } from "./reminder.js";
export { checkMeetingTimes, compareCaseNumbers, formatCaseNumber, meetingChanges, shownStatus } from "./rules.js";
