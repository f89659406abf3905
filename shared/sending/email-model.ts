import type { MeetingEmailModel } from "../../emails/model.js";
import type { MeetingBundle } from "../store/meetings.js";
import type { Body } from "../domain/model.js";

/** Maps stored records to the plain view model the email templates take. */
export function meetingEmailModel(bundle: MeetingBundle, body: Body, organiserEmail: string, sequence: number): MeetingEmailModel {
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
