// The seed meeting as an email model, a recipient and a sender: what the email tests compose from.
import type { MeetingEmailModel, Recipient } from "../../../emails/index.js";
import { seed000 } from "../../../local/seed-data.js";
import { formatMeetingTime, formatOsloDate, formatOsloDateTime, osloLocalToUtc } from "../../../shared/time.js";

/** The dates as the sending domain writes them out (shared/sending/email-model.ts). */
export const shown = (startsAt: string, endsAt: string, deadline?: string) => ({
  startsAt,
  endsAt,
  date: formatOsloDate(startsAt),
  when: formatMeetingTime(startsAt, endsAt),
  ...(deadline ? { deadline: formatOsloDateTime(deadline) } : {}),
});

/** Seed 000 as the email model: Rådmannsgruppen, 1 June 2017, Sak 12–20/2017. */
export function seed000Model(over: Partial<MeetingEmailModel> = {}): MeetingEmailModel {
  let n = seed000.firstCaseNumber;
  return {
    meetingId: "01seed000meeting0000000000",
    version: 1,
    sequence: 0,
    status: "scheduled",
    bodyName: "Rådmannsgruppen",
    meetingTitle: seed000.meeting.title,
    ...shown(
      osloLocalToUtc(seed000.meeting.startsAt),
      osloLocalToUtc(seed000.meeting.endsAt),
      osloLocalToUtc(seed000.meeting.replyDeadline),
    ),
    place: seed000.meeting.place,
    kind: "physical",
    agenda: seed000.agenda.map((i) => ({
      number: i.kind === "opening" ? null : `${n++}/2017`,
      title: i.title,
      kind: i.kind,
      background: (i as { background?: string }).background,
      proposedDecision: (i as { proposedDecision?: string }).proposedDecision,
      subItems: (i as { subItems?: MeetingEmailModel["agenda"][number]["subItems"] }).subItems ?? [],
      attachmentNumbers: (i as { attachmentNumbers?: number[] }).attachmentNumbers ?? [],
    })),
    attachments: [1, 2, 3, 4, 5, 6, 7, 8].map((number) => ({ number, title: `Dokument ${number}` })),
    secretariat: { name: "Nina Solberg", email: "nina@vestregionen.no", phone: "32 00 00 00" },
    organiserEmail: "sekretariat@vestregionen.no",
    ...over,
  };
}

export const recipient = (name: string, email: string): Recipient => ({
  name,
  email,
  replyUrl: `https://moter.example.org/r/${email}`,
  attachmentBaseUrl: `https://moter.example.org/a/${email}`,
});
export const sender = { from: "sekretariat@vestregionen.no", replyTo: "nina@vestregionen.no" };
