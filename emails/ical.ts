import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { MeetingEmailModel } from "./model.js";

/**
 * The iMIP calendar invitation (RFC 5545/6047): a stable UID per meeting, SEQUENCE from the
 * meeting, times in UTC (exact in summer and winter), REQUEST for an invitation or update,
 * CANCEL for a cancelled meeting.
 */
export function buildInvitationIcs(model: MeetingEmailModel, attendee: { name: string; email: string }, method: "REQUEST" | "CANCEL"): string {
  const cal = ical({
    prodId: { company: "Vestregionen", product: "Moteinnkalling", language: "NB" },
    method: method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  cal.createEvent({
    id: `${model.meetingId}@moteinnkalling`,
    sequence: model.sequence,
    start: new Date(model.startsAt),
    end: new Date(model.endsAt),
    stamp: new Date(),
    summary: `${model.bodyName}: ${model.meetingTitle}`,
    location: model.place,
    description: model.agenda.map((i) => `${i.number ? `Sak ${i.number} ` : ""}${i.title}`).join("\n"),
    status: method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: model.secretariat.name, email: model.organiserEmail },
    attendees: [{ name: attendee.name, email: attendee.email, rsvp: true, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION }],
  });
  return cal.toString();
}
