/** The iMIP calendar invitation (iCalendar REQUEST/CANCEL), built once per send with a slot for the attendee. */
import ical, {
  foldLines,
  ICalAttendee,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from "ical-generator";
import type { MeetingEmailModel } from "./model.js";

/** A calendar without its attendee: the attendee's line goes between head and tail. */
export interface CalendarTemplate {
  head: string;
  tail: string;
}

const EVENT_END = "END:VEVENT\r\n";

/**
 * RFC 5545/6047: a stable UID per meeting, SEQUENCE from the meeting, times in UTC (exact in
 * summer and winter), REQUEST for an invitation or update, CANCEL for a cancelled meeting.
 */
export function buildCalendar(model: MeetingEmailModel, method: "REQUEST" | "CANCEL"): CalendarTemplate {
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
  });
  // Property order inside VEVENT is free: the attendee goes last, before END:VEVENT.
  const text = cal.toString();
  const at = text.lastIndexOf(EVENT_END);
  return { head: text.slice(0, at), tail: text.slice(at) };
}

/** An event for ical-generator's attendee formatter (it wants one; the line does not depend on it). */
let formatterEvent: ReturnType<ReturnType<typeof ical>["createEvent"]> | undefined;

/** The attendee's ATTENDEE line, escaped and folded by ical-generator, CRLF-terminated. */
function attendeeLine(attendee: { name: string; email: string }): string {
  formatterEvent ??= ical().createEvent({ start: new Date(0) });
  const line = new ICalAttendee(
    {
      name: attendee.name,
      email: attendee.email,
      rsvp: true,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
    },
    formatterEvent,
  ).toString();
  return `${foldLines(line.replace(/\r\n$/, ""))}\r\n`;
}

/** The whole calendar for one attendee. */
export function calendarFor(template: CalendarTemplate, attendee: { name: string; email: string }): string {
  return template.head + attendeeLine(attendee) + template.tail;
}
