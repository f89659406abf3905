/** The emails to a kommune's postmottak: plain text, no personal link, no calendar; a copy carries the PDF. */
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import type { MeetingEmailModel } from "./model.js";
import { nb, nn } from "./postmottak-texts.js";

export interface PostmottakEmail {
  kind: "copy" | "escalation";
  copyOf?: "invitation" | "cancellation" | "minutes";
  language?: "nb" | "nn";
  meeting: MeetingEmailModel;
  organisation: string;
  to: string;
  /** The organisation's members (copy) or its members who have not answered (escalation). */
  members: string[];
  from: { name: string; address: string };
  replyTo: string;
  pdf?: { filename: string; content: Uint8Array };
}

/** "Kari, Per og Ola". */
const listed = (names: string[]) => (names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} og ${names.at(-1)}`);

export async function composePostmottakEmail(e: PostmottakEmail): Promise<Buffer> {
  const tx = e.language === "nn" ? nn : nb;
  const m = e.meeting;
  const facts = [tx.meeting(m.meetingTitle, m.when, m.place), ...(m.deadline ? [tx.deadline(m.deadline)] : [])];
  const lines =
    e.kind === "copy"
      ? [tx.copyIntro, "", ...facts, tx.copyMembers(e.organisation, listed(e.members))]
      : [tx.escalation(listed(e.members), m.bodyName), "", ...facts];
  const subject =
    e.kind === "copy"
      ? tx.copySubject(tx.kinds[e.copyOf ?? "invitation"], m.bodyName, m.meetingTitle, m.date)
      : tx.escalationSubject(m.bodyName, m.meetingTitle, m.date);
  const text = [...lines, "", tx.noReply, tx.contact(m.secretariat.name, m.secretariat.email)].join("\n");
  const mail = new MailComposer({
    from: e.from,
    to: e.to,
    replyTo: e.replyTo,
    subject,
    text,
    ...(e.pdf
      ? { attachments: [{ filename: e.pdf.filename, content: Buffer.from(e.pdf.content), contentType: "application/pdf" }] }
      : {}),
  });
  return mail.compile().build();
}
