import { buildInvitationIcs } from "./ical.js";
import { buildMimeMessage } from "./mime.js";
import type { MeetingEmailModel, MinutesEmailModel, Recipient } from "./model.js";
import { personalise, renderTemplate, renderTemplateCached } from "./render.js";
import { loginTemplate, type MeetingTemplateKind, meetingTemplate, minutesTemplate } from "./templates.js";

/** The emails' public face for the send worker: render (cached per version), personalise, MIME. */
export { mjmlRenderCount } from "./render.js";
export type { MeetingEmailModel, MinutesEmailModel, Recipient } from "./model.js";

export interface Composed {
  raw: Buffer;
  subject: string;
  html: string;
  text: string;
}

interface Sender {
  from: string;
  fromName?: string;
  replyTo: string;
}

export async function composeEmail(kind: MeetingTemplateKind, model: MeetingEmailModel, recipient: Recipient, sender: Sender): Promise<Composed> {
  const key = `${kind}#${model.meetingId}#${model.version}#${model.sequence}#${model.status}`;
  const copy = personalise(await renderTemplateCached(key, () => meetingTemplate(kind, model)), recipient);
  // Invitations and reminders carry the calendar entry; a cancelled meeting a CANCEL.
  const withCalendar = kind === "invitation" || kind === "reminder";
  const method = model.status === "cancelled" ? "CANCEL" : "REQUEST";
  const raw = await buildMimeMessage({
    from: { name: sender.fromName ?? model.secretariat.name, address: sender.from },
    to: { name: recipient.name, address: recipient.email },
    replyTo: sender.replyTo,
    subject: copy.subject,
    html: copy.html,
    text: copy.text,
    ...(withCalendar ? { ics: { content: buildInvitationIcs(model, recipient, method), method } } : {}),
  });
  return { raw, ...copy };
}

export async function composeMinutesEmail(model: MinutesEmailModel, recipient: Recipient, sender: Sender): Promise<Composed> {
  const copy = personalise(await renderTemplateCached(`minutes#${model.meetingId}#${model.version}`, () => minutesTemplate(model)), recipient);
  const raw = await buildMimeMessage({
    from: { name: sender.fromName ?? model.secretariatContact.name, address: sender.from },
    to: { name: recipient.name, address: recipient.email },
    replyTo: sender.replyTo,
    ...copy,
  });
  return { raw, ...copy };
}

let loginRendered: ReturnType<typeof renderTemplate> | undefined;
export async function composeLoginEmail(opts: { to: string; url: string; from: string }): Promise<Buffer> {
  loginRendered ??= renderTemplate(loginTemplate());
  const copy = personalise(await loginRendered, { name: opts.to, email: opts.to, replyUrl: opts.url, attachmentBaseUrl: "" });
  return buildMimeMessage({ from: { name: "Møteinnkalling", address: opts.from }, to: { name: "", address: opts.to }, ...copy });
}
