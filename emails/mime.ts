import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { headerSafe } from "./render.js";

/** The complete MIME message, built by nodemailer's MailComposer (not by hand). */
export async function buildMimeMessage(opts: {
  from: { name: string; address: string };
  to: { name: string; address: string };
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  ics?: { content: string; method: "REQUEST" | "CANCEL" };
}): Promise<Buffer> {
  const composer = new MailComposer({
    from: { name: headerSafe(opts.from.name), address: opts.from.address },
    to: { name: headerSafe(opts.to.name), address: opts.to.address },
    replyTo: opts.replyTo,
    subject: headerSafe(opts.subject),
    text: opts.text,
    html: opts.html,
    ...(opts.ics ? { icalEvent: { method: opts.ics.method, content: opts.ics.content, filename: "invitasjon.ics" } } : {}),
    textEncoding: "quoted-printable",
  });
  return new Promise((resolve, reject) => composer.compile().build((err, message) => (err ? reject(err) : resolve(message))));
}
