// Reading an iMIP REPLY (RFC 6047) out of a raw email: the calendar part, its UID, the attendee and their answer.
import ICAL from "ical.js";
import { simpleParser } from "mailparser";

export interface CalendarAnswer {
  uid: string;
  attendee: string;
  partstat: string;
  /** The message's From address (lower case): it must be the attendee's own. */
  from?: string;
}

const CALENDAR_TYPES = new Set(["text/calendar", "application/ics"]);

/**
 * The answer in a raw message, or why there is none. Outlook sends the REPLY as a text/calendar
 * alternative, Gmail adds it again as invite.ics, Apple Calendar attaches it: every calendar part
 * is read, and the first REPLY with an attendee wins.
 */
export async function readCalendarAnswer(raw: Uint8Array | string): Promise<CalendarAnswer | { none: string }> {
  const mail = await simpleParser(typeof raw === "string" ? raw : Buffer.from(raw), {
    skipHtmlToText: true,
    skipTextLinks: true,
  });
  const from = mail.from?.value[0]?.address?.toLowerCase();
  const parts = mail.attachments.filter((a) => CALENDAR_TYPES.has(a.contentType.toLowerCase()));
  if (parts.length === 0) return { none: "no calendar part" };
  for (const part of parts) {
    const answer = parseReply(part.content.toString("utf8"));
    if (answer) return { ...answer, ...(from ? { from } : {}) };
  }
  return { none: "no iCalendar REPLY with an attendee" };
}

function parseReply(text: string): Omit<CalendarAnswer, "from"> | undefined {
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text));
  } catch {
    return undefined;
  }
  if (String(calendar.getFirstPropertyValue("method") ?? "").toUpperCase() !== "REPLY") return undefined;
  const event = calendar.getFirstSubcomponent("vevent");
  const attendee = event?.getFirstProperty("attendee");
  const uid = event?.getFirstPropertyValue("uid");
  if (!event || !attendee || typeof uid !== "string") return undefined;
  const address = String(attendee.getFirstValue() ?? "")
    .replace(/^mailto:/i, "")
    .trim()
    .toLowerCase();
  const partstat = String(attendee.getParameter("partstat") ?? "").toUpperCase();
  return address ? { uid, attendee: address, partstat } : undefined;
}
