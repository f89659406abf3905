// Maps stored records to the plain email models emails/ takes, dates written out in Oslo time here.
import type { MeetingEmailModel, MinutesEmailModel } from "../../emails/index.js";
import { type Minutes, minutesEmailContent } from "../minutes/index.js";
import type { Body } from "../model.js";
import type { MeetingAgenda } from "../store/meetings.js";
import { formatMeetingTime, formatOsloDate, formatOsloDateTime } from "../time.js";

/** The meeting as its emails show it. */
export function meetingEmailModel(
  bundle: MeetingAgenda,
  body: Body,
  organiserEmail: string,
  sequence: number,
): MeetingEmailModel {
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
    date: formatOsloDate(m.startsAt),
    when: formatMeetingTime(m.startsAt, m.endsAt, body.language),
    ...(m.replyDeadline ? { deadline: formatOsloDateTime(m.replyDeadline) } : {}),
    place: m.place,
    kind: m.kind,
    agenda: bundle.agenda.map((i) => ({
      number: i.number,
      title: i.withdrawn ? `${i.title} (trukket)` : i.title,
      kind: i.kind,
      background: i.background,
      proposedDecision: i.proposedDecision,
      subItems: i.subItems,
      attachmentNumbers: i.attachmentNumbers,
    })),
    attachments: bundle.attachments.map((a) => ({ number: a.number, title: a.title })),
    secretariat: body.secretariat,
    organiserEmail,
    ...(body.language ? { language: body.language } : {}),
  };
}

export function minutesEmailModel(bundle: MeetingAgenda, body: Body, minutes: Minutes): MinutesEmailModel {
  return {
    meetingId: bundle.meeting.id,
    version: minutes.version,
    bodyName: body.name,
    meetingTitle: bundle.meeting.title,
    date: formatOsloDate(minutes.startedAt),
    when: formatMeetingTime(minutes.startedAt, minutes.endedAt, body.language),
    place: minutes.place,
    ...minutesEmailContent(minutes, bundle.attachments),
    secretariatContact: body.secretariat,
    ...(body.language ? { language: body.language } : {}),
  };
}
