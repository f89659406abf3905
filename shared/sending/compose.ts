// Each recipient's copy of a send: the email prepared once per send (kept beside the send, cached per process), filled in per delivery.
import { z } from "zod";
import type { MinutesEmailModel, PreparedEmail, Recipient } from "../../emails/index.js";
import { calendarReplyAddress } from "../config.js";
import type { AppContext } from "../context.js";
import { personalToken } from "../links.js";
import { getStoredMinutes } from "../minutes/index.js";
import type { Body } from "../model.js";
import { getBody } from "../store/directory.js";
import { getInvitation } from "../store/invitations.js";
import { getSendEmail, putSendEmail } from "../store/send-emails.js";
import { type Delivery, getSendRecord, type Send } from "../store/sends.js";
import { getSnapshot } from "../store/snapshots.js";
import { meetingEmailModel, minutesEmailModel } from "./email-model.js";
import { composePostmottakDelivery, isPostmottakDelivery } from "./postmottak-compose.js";

/** The stored prepared email, checked when read back (a stored item is an edge). */
const StoredEmail = z.object({
  wording: z.enum(["reply", "released", "none"]),
  language: z.enum(["nb", "nn"]).optional(),
  domain: z.string(),
  literals: z.array(z.string()),
  slots: z.array(z.string()),
  calendar: z.object({ head: z.string(), tail: z.string() }).optional(),
});

/** emails/ (and MJML with it) is loaded by the send worker only, on first use. */
let emailsModule: Promise<typeof import("../../emails/index.js")> | undefined;
const loadEmails = () => (emailsModule ??= import("../../emails/index.js"));

/** Per process: the prepared email of each send being worked on (the render itself is cached in emails/ too). */
const prepared = new Map<string, Promise<PreparedEmail>>();

/**
 * The send's prepared email: from this process's cache, else as stored with the send by the first
 * worker that needed it, else prepared here from the send's snapshot and stored for the others.
 */
function sendEmail(ctx: AppContext, sendId: string): Promise<PreparedEmail> {
  let entry = prepared.get(sendId);
  if (!entry) {
    entry = (async () => {
      const stored = await getSendEmail(ctx, sendId);
      if (stored) return StoredEmail.parse(stored);
      const email = await prepareSendEmail(ctx, await getSendRecord(ctx, sendId));
      // Another worker may have stored the same content first: either copy will do. One too big
      // for an item (a very long agenda) is not stored: each worker then prepares its own.
      await putSendEmail(ctx, sendId, email).catch((err) => ctx.log.warn("prepared email not stored", { sendId, err }));
      return email;
    })();
    prepared.set(sendId, entry);
    if (prepared.size > 50) prepared.delete(prepared.keys().next().value!);
    entry.catch(() => prepared.delete(sendId));
  }
  return entry;
}

/** Renders and prepares a send's email from the frozen snapshot of the meeting version it recorded. */
async function prepareSendEmail(ctx: AppContext, send: Send): Promise<PreparedEmail> {
  const emails = await loadEmails();
  const snapshot = await getSnapshot(ctx, send.meetingId, send.meetingVersion);
  if (!snapshot) throw new Error(`møtet ${send.meetingId} versjon ${send.meetingVersion} mangler øyeblikksbilde`);
  const { body, ...bundle } = snapshot;
  const sender = { from: ctx.config.SENDER_EMAIL, replyTo: body.secretariat.email };
  if (send.template === "minutes") {
    const minutes = await getStoredMinutes(ctx, send.meetingId);
    if (!minutes) throw new Error("referatet finnes ikke");
    // The referat goes out long after the innkalling's snapshot: in the body's language as it is now.
    const { language } = await getBody(ctx, bundle.meeting.bodyId).catch(() => body);
    const model = minutesEmailModel(bundle, { ...body, language }, minutes);
    // Asked for when scheduling: the referat as PDF/A, made once for the whole send.
    const pdf = minutes.attachPdf ? await referatAttachment(model, body) : undefined;
    return (await emails.prepareMinutesEmail(model, sender, pdf)).email;
  }
  const model = meetingEmailModel(bundle, body, calendarReplyAddress(ctx.config), send.sequence);
  // A cancellation is the invitation of a cancelled meeting (with the calendar CANCEL).
  if (send.template === "cancellation")
    return (await emails.prepareEmail("invitation", { ...model, status: "cancelled" }, sender)).email;
  const template = send.template;
  if (template === "postmottak-copy" || template === "escalation") throw new Error("a postmottak send has no prepared email");
  return (await emails.prepareEmail(template, model, sender)).email;
}

/** The recipient's values: name and address, personal links, whom a substitute replaces, the reply a confirmation repeats. */
async function recipientOf(ctx: AppContext, delivery: Delivery): Promise<Recipient> {
  // Deliveries written before they carried the link version: read it from the invitation.
  const linkVersion = delivery.linkVersion ?? (await getInvitation(ctx, delivery.meetingId, delivery.invitationId))?.linkVersion;
  if (linkVersion === undefined) throw new Error("invitasjonen finnes ikke");
  const token = personalToken(await ctx.secrets.linkSigningKey(), delivery.meetingId, delivery.invitationId, linkVersion);
  const base = ctx.config.BASE_URL;
  return {
    name: delivery.name,
    email: delivery.email,
    replyUrl: `${base}/r/${token}`,
    attachmentBaseUrl: `${base}/a/${token}`,
    ...(delivery.substituteFor ? { substituteFor: delivery.substituteFor } : {}),
    ...(delivery.vara ? { vara: true } : {}),
    ...(delivery.reply ? { reply: delivery.reply } : {}),
  };
}

/** One delivery's complete message (MIME), composed from its record and the send's prepared email. */
export async function composeDelivery(ctx: AppContext, delivery: Delivery): Promise<Uint8Array> {
  // A postmottak is no invitation: no personal link, its own plain email (a copy with the PDF attached).
  if (isPostmottakDelivery(delivery)) return composePostmottakDelivery(ctx, delivery);
  const [emails, email, recipient] = await Promise.all([
    loadEmails(),
    sendEmail(ctx, delivery.sendId),
    recipientOf(ctx, delivery),
  ]);
  return emails.fillEmail(email, recipient);
}

async function referatAttachment(model: MinutesEmailModel, body: Body) {
  const pdf = await import("../archival-pdf/index.js");
  return {
    filename: pdf.pdfTexts(body.language).filename("referat", body.shortName, model.date),
    content: await pdf.referatPdf(model, body.language),
  };
}
