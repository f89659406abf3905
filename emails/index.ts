/** The emails' face for the send worker: prepare a message once per send (render, MIME), then fill in each recipient. */
import { buildCalendar } from "./ical.js";
import { fillMime, type PreparedEmail, prepareMime } from "./mime.js";
import { minutesTemplate } from "./minutes-template.js";
import type { MeetingEmailModel, MinutesEmailModel, Recipient } from "./model.js";
import {
  personalise,
  type RenderedTemplate,
  type ReplyWording,
  recipientValues,
  renderTemplate,
  renderTemplateCached,
} from "./render.js";
import { loginTemplate, type MeetingTemplateKind, meetingTemplate } from "./templates.js";

export type { PreparedEmail } from "./mime.js";
export type { MeetingEmailModel, MinutesEmailModel, Recipient, RecipientReply } from "./model.js";
export { composePostmottakEmail, type PostmottakEmail } from "./postmottak.js";
export { mjmlRenderCount } from "./render.js";
export type { MeetingTemplateKind } from "./templates.js";
export { fillMime as fillEmail };

export interface Sender {
  from: string;
  fromName?: string;
  replyTo: string;
}

/** A prepared message and the rendered copy it was made from (the preview shows the copy). */
export interface Prepared {
  email: PreparedEmail;
  rendered: RenderedTemplate;
}

const wordingOf = (kind: MeetingTemplateKind): ReplyWording =>
  kind === "confirmation" ? "reply" : kind === "substitute-released" ? "released" : "none";

export async function prepareEmail(kind: MeetingTemplateKind, model: MeetingEmailModel, sender: Sender): Promise<Prepared> {
  const key = `${kind}#${model.meetingId}#${model.version}#${model.sequence}#${model.status}#${model.language ?? "nb"}`;
  const rendered = await renderTemplateCached(key, () => meetingTemplate(kind, model));
  // Invitations and reminders carry the calendar entry; a cancelled meeting a CANCEL.
  const withCalendar = kind === "invitation" || kind === "reminder";
  const method = model.status === "cancelled" ? "CANCEL" : "REQUEST";
  const email = await prepareMime(
    {
      from: { name: sender.fromName ?? model.secretariat.name, address: sender.from },
      replyTo: sender.replyTo,
      ...rendered,
      ...(model.language ? { language: model.language } : {}),
      ...(withCalendar ? { calendar: { template: buildCalendar(model, method), method } } : {}),
    },
    wordingOf(kind),
  );
  return { email, rendered };
}

export async function prepareMinutesEmail(
  model: MinutesEmailModel,
  sender: Sender,
  pdf?: { filename: string; content: Uint8Array },
): Promise<Prepared> {
  const key = `minutes#${model.meetingId}#${model.version}#${model.language ?? "nb"}`;
  const rendered = await renderTemplateCached(key, () => minutesTemplate(model));
  const email = await prepareMime(
    {
      from: { name: sender.fromName ?? model.secretariatContact.name, address: sender.from },
      replyTo: sender.replyTo,
      ...rendered,
      ...(model.language ? { language: model.language } : {}),
      ...(pdf ? { attachment: { ...pdf, contentType: "application/pdf" } } : {}),
    },
    "none",
  );
  return { email, rendered };
}

/** One recipient's copy as the secretariat's preview shows it: subject, HTML and text, personalised. */
export function personalCopy(prepared: Prepared, recipient: Recipient): RenderedTemplate {
  return personalise(prepared.rendered, recipientValues(recipient, prepared.email.wording, prepared.email.language));
}

const login = new Map<string, Promise<PreparedEmail>>();
export async function composeLoginEmail(opts: { to: string; url: string; from: string }): Promise<Buffer> {
  // Prepared once per process and sender: the login email says the same to everyone but the link.
  let prepared = login.get(opts.from);
  if (!prepared) {
    prepared = renderTemplate(loginTemplate()).then((rendered) =>
      prepareMime({ from: { name: "Møteinnkalling", address: opts.from }, ...rendered }, "none"),
    );
    login.set(opts.from, prepared);
    prepared.catch(() => login.delete(opts.from));
  }
  return fillMime(await prepared, { name: "", email: opts.to, replyUrl: opts.url, attachmentBaseUrl: "" });
}
