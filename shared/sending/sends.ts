// Mass send: writing the send and its deliveries (recipients.ts chooses them) and queueing them.

import { z } from "zod";
import type { AppContext } from "../context.js";
import { ConflictError } from "../errors.js";
import { t } from "../i18n/nb.js";
import { nbMeetings } from "../i18n/nb-meetings.js";
import { jobItem } from "../jobs/index.js";
import { scheduleEscalation, scheduleReminder } from "../meetings/index.js";
import type { Invitation, Meeting } from "../model.js";
import { isConditionFailure, retryOnConflict } from "../store/db.js";
import { newId } from "../store/keys.js";
import { getMeetingRecord, type MeetingState, StaleMeetingError } from "../store/meetings.js";
import { claimSendKey, type EmailTemplate, getSendRecord, releaseSendKey, type Send, writeSend } from "../store/sends.js";
import { ensureSnapshot } from "../store/snapshots.js";
import { LateSendError, lateSendWarning } from "./late.js";
import { postmottakCopies } from "./postmottak.js";
import { queueDeliveries } from "./progress.js";
import { chooseRecipients, deliveryFor, type Recipient, SendAudience } from "./recipients.js";

export { previewIsReady } from "../store/send-emails.js";
export { listDeliveries, listSendsOfMeeting } from "../store/sends.js";

/**
 * One delivery record per recipient is written first, then one queue message per delivery. The
 * worker claims each delivery before sending, so a repeated request, a redelivered message or a
 * crashed worker never sends twice; a requeue job re-queues anything still waiting (a crash
 * between writing and queueing), so nothing is dropped.
 */
export const CreateSendInput = z.strictObject({
  audience: SendAudience.default("all"),
  template: z.enum(["invitation", "reminder", "cancellation"]).default("invitation"),
  /** An innkalling after the reply deadline or the start is sent only with this set. */
  confirmLate: z.boolean().default(false),
});

export interface SendRequest {
  meetingId: string;
  template: EmailTemplate;
  audience: SendAudience;
  idempotencyKey?: string;
  by: string;
  /**
   * An innkalling after the deadline or start: "refuse" unless confirmed (the secretariat's
   * requests say which); internal sends (a substitute named late) leave it out and are not stopped.
   */
  late?: "refuse" | "confirmed";
  /** For "substitute-released": the recipient's invitation has just been withdrawn. */
  includeWithdrawn?: boolean;
  /** The recipients, already chosen (a kommune's postmottak is no invitation of the meeting). */
  recipients?: Recipient[];
  /** A postmottak copy: of which email. */
  copyOf?: Send["copyOf"];
  /** Records the caller has just read or written (saves reading them again on the reply path). */
  known?: { meeting: Meeting; invitations?: Invitation[] };
}

type SendCreated = { sendId: string; total: number; suppressed: number; repeated: boolean };

export async function createSend(ctx: AppContext, req: SendRequest): Promise<SendCreated> {
  const now = ctx.clock.now();
  const sendId = newId();
  const scope = `send:${req.meetingId}`;
  if (req.idempotencyKey) {
    // Claim the key first: the same request repeated finds the first send and queues nothing.
    const priorId = await claimSendKey(ctx, scope, req.idempotencyKey, sendId, Math.floor(now.getTime() / 1000) + 7 * 86400);
    if (priorId) {
      // The first request may still be writing its deliveries: the id is all the caller needs.
      const priorSend = await getSendRecord(ctx, priorId).catch(() => undefined);
      return { sendId: priorId, total: priorSend?.total ?? 0, suppressed: 0, repeated: true };
    }
  }
  try {
    return await writeAndQueue(ctx, req, sendId, now);
  } catch (err) {
    // Nothing was sent under this key: free it, so the request can be repeated after a fix.
    if (req.idempotencyKey) await releaseSendKey(ctx, scope, req.idempotencyKey).catch(() => undefined);
    throw err;
  }
}

async function writeAndQueue(ctx: AppContext, req: SendRequest, sendId: string, now: Date): Promise<SendCreated> {
  let recipients: Recipient[] | undefined;
  // The meeting may change (an edit, a cancel, another send) after it was read: decide again.
  const meeting = await retryOnConflict(
    async (attempt) => {
      const meeting = attempt === 0 && req.known?.meeting ? req.known.meeting : await getMeetingRecord(ctx, req.meetingId);
      if (meeting.status === "cancelled" && req.template !== "cancellation" && req.template !== "confirmation") {
        throw new ConflictError(t.rules.meetingCancelledSend);
      }
      // Two cancels at once (two tabs, two people): the one that lost the race finds the meeting
      // cancelled and sends nothing. A cancellation to named people (one who missed it) still goes.
      if (meeting.status === "cancelled" && req.template === "cancellation" && typeof req.audience !== "object")
        throw new ConflictError(nbMeetings.rules.alreadyCancelled);
      const late = req.late === "refuse" ? lateSendWarning(meeting, req.template, now) : undefined;
      if (late) throw new LateSendError(late);
      recipients ??= req.recipients ?? (await chooseRecipients(ctx, req, meeting, now));
      const state = stateAfterSend(meeting, req.template);
      const send: Send = {
        id: sendId,
        meetingId: meeting.id,
        template: req.template,
        audience: req.audience,
        total: recipients.length,
        status: "queued",
        meetingVersion: meeting.version,
        sequence: state?.sequence ?? meeting.sequence,
        createdAt: now.toISOString(),
        createdBy: req.by,
        ...(req.copyOf ? { copyOf: req.copyOf } : {}),
      };
      // Every email of this send is composed from this version's snapshot.
      await ensureSnapshot(ctx, meeting);
      // Safety net, written before anything is queued: if this process dies before queueing, the job queues what is left.
      const requeueJob = jobItem("requeue-send", new Date(now.getTime() + 5 * 60_000).toISOString(), { sendId }, now);
      await writeSend(ctx, { send, deliveries: recipients.map((r) => deliveryFor(send, r)), requeueJob, meeting, state });
      return meeting;
    },
    { retries: 20, retryIf: (err) => err instanceof StaleMeetingError || isConditionFailure(err) },
  );
  const list = recipients ?? [];
  const toQueue = list.filter((r) => !r.blocked).map((r) => r.invitation.id);
  await queueDeliveries(ctx, sendId, toQueue);
  if (req.template === "invitation" && meeting.replyDeadline) {
    await scheduleReminder(ctx, meeting, now);
    await scheduleEscalation(ctx, meeting, now);
  }
  const copies = await postmottakCopies(ctx, meeting, { sendId, template: req.template, wholeList: req.audience === "all" });
  if (copies) await createSend(ctx, copies);
  return { sendId, total: list.length, suppressed: list.length - toQueue.length, repeated: false };
}

/**
 * What a send changes on the meeting. Whatever carries the calendar entry (invitation, reminder)
 * sends the current version: if that differs from the version last sent it is an update
 * (SEQUENCE+1) and becomes the version sent. A cancel always bumps SEQUENCE. So one SEQUENCE
 * always means one content, and SEQUENCE only grows.
 */
function stateAfterSend(meeting: Meeting, template: EmailTemplate): MeetingState | undefined {
  if (template === "cancellation")
    return { status: "cancelled", sequence: meeting.sequence + 1, invitedVersion: meeting.version };
  if (template !== "invitation" && template !== "reminder") return undefined;
  const changed = meeting.invitedVersion !== undefined && meeting.version !== meeting.invitedVersion;
  const status = template === "invitation" && meeting.status === "draft" ? "invited" : meeting.status;
  // Written even when nothing changes: the write's condition is what stops a racing cancel.
  return { status, sequence: changed ? meeting.sequence + 1 : meeting.sequence, invitedVersion: meeting.version };
}
