// Deleting an attachment: only one never sent out (the links in sent emails must keep working) and linked to no case.
import type { AppContext } from "../context.js";
import { ConflictError } from "../errors.js";
import { nbMeetings } from "../i18n/nb-meetings.js";
import { type AttachmentRemovalRead, removeAttachment } from "../store/attachments.js";

const r = nbMeetings.rules;

/**
 * Refuses deleting an attachment that a sent innkalling carried (members have its link; replace it
 * with a corrected one instead) or that a case still points at ("Vedlegg 2" must exist).
 */
export function checkAttachmentRemovable(read: Pick<AttachmentRemovalRead, "agenda" | "attachment" | "sentNumbers">): void {
  const n = read.attachment.number;
  if (read.sentNumbers?.includes(n)) throw new ConflictError(r.attachmentSent(n));
  const users = read.agenda.filter((i) => i.attachmentNumbers.includes(n));
  if (users.length)
    throw new ConflictError(r.attachmentInUse(n, users.map((i) => (i.number ? `sak ${i.number}` : `«${i.title}»`)).join(", ")));
}

/** Deletes the attachment record, then its file (a file left behind is only storage, never shown). */
export async function deleteAttachment(ctx: AppContext, meetingId: string, n: number): Promise<void> {
  const removed = await removeAttachment(ctx, meetingId, n, checkAttachmentRemovable);
  await ctx.blobs
    .delete(removed.blobKey)
    .catch((err: unknown) => ctx.log.warn("deleted attachment's file kept", { meetingId, err }));
}
