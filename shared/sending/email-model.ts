import type { MeetingEmailModel, MinutesEmailModel } from "../../emails/model.js";
import { attendeeLine, type Minutes } from "../minutes/index.js";
import type { MeetingAgenda } from "../store/meetings.js";
import type { Body } from "../model.js";

/** Maps stored records to the plain view model the email templates take. */
export function meetingEmailModel(bundle: MeetingAgenda, body: Body, organiserEmail: string, sequence: number): MeetingEmailModel {
  const m = bundle.meeting;
  return {
    meetingId: m.id,
    version: m.version,
    sequence,
    status: m.status === "cancelled" ? "cancelled" : "scheduled",
    bodyName: body.name,
    meetingTitle: m.title,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    place: m.place,
    kind: m.kind,
    replyDeadline: m.replyDeadline,
    agenda: bundle.agenda.map((i) => ({
      number: i.number,
      title: i.title,
      kind: i.kind,
      background: i.background,
      proposedDecision: i.proposedDecision,
      subItems: i.subItems,
      attachmentNumbers: i.attachmentNumbers,
    })),
    attachments: bundle.attachments.map((a) => ({ number: a.number, title: a.title })),
    secretariat: body.secretariat,
    organiserEmail,
  };
}

export function minutesEmailModel(bundle: MeetingAgenda, body: Body, minutes: Minutes): MinutesEmailModel {
  return {
    meetingId: bundle.meeting.id,
    version: minutes.version,
    bodyName: body.name,
    meetingTitle: bundle.meeting.title,
    startsAt: minutes.startedAt,
    endsAt: minutes.endedAt,
    place: minutes.place,
    present: minutes.present.map(attendeeLine),
    secretariat: minutes.secretariat,
    absent: minutes.absent.map(attendeeLine),
    items: minutes.items.map((i) => ({ number: i.number, title: i.title, text: i.text, decision: i.decision, status: i.status })),
    attachments: bundle.attachments.map((a) => ({ number: a.number, title: a.title })),
    secretariatContact: body.secretariat,
  };
}
