// A postmottak's copy of a send (the document as PDF/A attached) or an escalation: composed from the send's snapshot.
import { calendarReplyAddress } from "../config.js";
import type { AppContext } from "../context.js";
import { getStoredMinutes } from "../minutes/index.js";
import type { Delivery, Send } from "../store/sends.js";
import { getSendRecord } from "../store/sends.js";
import { getSnapshot } from "../store/snapshots.js";
import { formatOsloDate } from "../time.js";
import { meetingEmailModel, minutesEmailModel } from "./email-model.js";

/** The templates whose recipient is a kommune's postmottak, not an invitation. */
export const isPostmottakDelivery = (d: Pick<Delivery, "template">) =>
  d.template === "postmottak-copy" || d.template === "escalation";

/** Per process: the PDF of a copy send, made once for all its deliveries. */
const pdfs = new Map<string, Promise<{ filename: string; content: Uint8Array }>>();

async function copyPdf(ctx: AppContext, send: Send, snapshot: NonNullable<Awaited<ReturnType<typeof getSnapshot>>>) {
  const { body, ...bundle } = snapshot;
  const pdf = await import("../archival-pdf/index.js");
  const tx = pdf.pdfTexts(body.language);
  const date = formatOsloDate(bundle.meeting.startsAt);
  if (send.copyOf === "minutes") {
    const minutes = await getStoredMinutes(ctx, send.meetingId);
    if (!minutes) throw new Error("referatet finnes ikke");
    const content = await pdf.referatPdf(minutesEmailModel(bundle, body, minutes), body.language);
    return { filename: tx.filename("referat", body.shortName, date), content };
  }
  const model = meetingEmailModel(bundle, body, calendarReplyAddress(ctx.config), send.sequence);
  const status = send.copyOf === "cancellation" ? "cancelled" : model.status;
  const content = await pdf.innkallingPdf({ ...model, status }, body.language);
  return { filename: tx.filename("innkalling", body.shortName, date), content };
}

export async function composePostmottakDelivery(ctx: AppContext, delivery: Delivery): Promise<Uint8Array> {
  const send = await getSendRecord(ctx, delivery.sendId);
  const snapshot = await getSnapshot(ctx, send.meetingId, send.meetingVersion);
  if (!snapshot) throw new Error(`møtet ${send.meetingId} versjon ${send.meetingVersion} mangler øyeblikksbilde`);
  const { body, ...bundle } = snapshot;
  let pdf: Promise<{ filename: string; content: Uint8Array }> | undefined;
  if (send.template === "postmottak-copy") {
    pdf = pdfs.get(send.id) ?? copyPdf(ctx, send, snapshot);
    pdfs.set(send.id, pdf);
    if (pdfs.size > 20) pdfs.delete(pdfs.keys().next().value!);
  }
  const emails = await import("../../emails/index.js");
  return emails.composePostmottakEmail({
    kind: send.template === "escalation" ? "escalation" : "copy",
    ...(send.copyOf ? { copyOf: send.copyOf } : {}),
    language: body.language,
    meeting: meetingEmailModel(bundle, body, calendarReplyAddress(ctx.config), send.sequence),
    organisation: delivery.name.replace(/^Postmottak, /, ""),
    to: delivery.email,
    members: delivery.members ?? [],
    from: { name: body.secretariat.name, address: ctx.config.SENDER_EMAIL },
    replyTo: body.secretariat.email,
    ...(pdf ? { pdf: await pdf } : {}),
  });
}
