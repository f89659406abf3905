// Sends in the table: the send record, its deliveries, its idempotency key and the email prepared once for it.
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { NotFoundError } from "../errors.js";
import type { Meeting } from "../model.js";
import { batchPut, type Db, type Item, isConditionFailure, queryAll } from "./db.js";
import { keys, withoutKeys } from "./keys.js";
import { type MeetingState, meetingStateUpdate, setMeetingState } from "./meetings.js";
import { GSI } from "./table-schema.js";

const emailTemplate = z.enum([
  "invitation",
  "reminder",
  "cancellation",
  "minutes",
  "confirmation",
  "substitute-released",
  // To a kommune's postmottak: a copy for journaling (the innkalling, cancellation or referat as PDF), and the
  // escalation of its unanswered seats before the reply deadline.
  "postmottak-copy",
  "escalation",
]);
export type EmailTemplate = z.infer<typeof emailTemplate>;

/** "suppressed": never queued, the address having bounced or been complained about (until corrected). */
const deliveryStatus = z.enum(["queued", "sending", "sent", "failed", "delivered", "bounced", "complained", "suppressed"]);

/**
 * One recipient of a send. Besides its state it carries what the recipient's copy needs (name,
 * address, link version, whom a substitute replaces, the reply a confirmation repeats), so the
 * worker composes from the record its claim returns and reads nothing else per recipient.
 */
export const Delivery = z.object({
  sendId: z.string(),
  id: z.string(),
  meetingId: z.string(),
  invitationId: z.string(),
  email: z.string(),
  name: z.string(),
  template: emailTemplate,
  status: deliveryStatus,
  attempts: z.number().int(),
  /** The link version when the send was made (records from before it have none: the worker reads the invitation). */
  linkVersion: z.number().int().optional(),
  substituteFor: z.string().optional(),
  /** The substitute is the member's personal vara, called in on their forfall (their email says so). */
  vara: z.boolean().optional(),
  /** To a postmottak: the organisation's people the email names (its members, or the unanswered ones). */
  members: z.array(z.string()).optional(),
  /** An escalation: the unanswered seats it names (their invitations), for the reply history. */
  seatInvitationIds: z.array(z.string()).optional(),
  reply: z
    .object({
      status: z.enum(["attending", "absent", "substitute"]),
      reason: z.string().optional(),
      substituteName: z.string().optional(),
      substituteEmail: z.string().optional(),
    })
    .optional(),
  claimId: z.string().optional(),
  claimedAt: z.string().optional(),
  messageId: z.string().optional(),
  sentAt: z.string().optional(),
  error: z.string().optional(),
});
export type Delivery = z.infer<typeof Delivery>;

export const Send = z.object({
  id: z.string(),
  meetingId: z.string(),
  template: emailTemplate,
  audience: z.unknown(),
  total: z.number().int(),
  status: z.enum(["queueing", "queued"]),
  meetingVersion: z.number().int(),
  sequence: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** A postmottak copy: of which email (the document attached). */
  copyOf: z.enum(["invitation", "cancellation", "minutes"]).optional(),
});
export type Send = z.infer<typeof Send>;

/** Claims an idempotency key for a send: undefined when claimed now, else the send that holds it. */
export async function claimSendKey(
  d: Db,
  scope: string,
  key: string,
  sendId: string,
  expiresAt: number,
): Promise<string | undefined> {
  const Key = keys.idempotency(scope, key);
  try {
    await d.db.send(
      new PutCommand({
        TableName: d.tableName,
        Item: { ...Key, sendId, expiresAt },
        ConditionExpression: "attribute_not_exists(PK)",
      }),
    );
    return undefined;
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
  }
  const prior = await d.db.send(new GetCommand({ TableName: d.tableName, Key, ConsistentRead: true }));
  return String(prior.Item?.sendId);
}

export async function releaseSendKey(d: Db, scope: string, key: string): Promise<void> {
  await d.db.send(new DeleteCommand({ TableName: d.tableName, Key: keys.idempotency(scope, key) }));
}

/**
 * Writes the send, its deliveries and the requeue safety net (a job item, written before anything
 * is queued), and records the send's effect on the meeting conditional on the meeting being as
 * read. Small sends do it all in one transaction; a large send records the meeting state first
 * (so a lost race writes nothing).
 */
export async function writeSend(
  d: Db,
  w: { send: Send; deliveries: Delivery[]; requeueJob: Item; meeting: Meeting; state: MeetingState | undefined },
): Promise<void> {
  const sendItem = { ...keys.send(w.send.id), ...keys.meetingSendsEntry(w.meeting.id, w.send.createdAt), ...w.send };
  const deliveryItems = w.deliveries.map((dl) => ({ ...keys.delivery(w.send.id, dl.id), ...dl }));
  if (deliveryItems.length <= 90) {
    const puts: NonNullable<TransactWriteCommandInput["TransactItems"]> = [sendItem, ...deliveryItems, w.requeueJob].map(
      (Item) => ({ Put: { TableName: d.tableName, Item } }),
    );
    await d.db.send(
      new TransactWriteCommand({
        TransactItems: [...puts, ...(w.state ? [{ Update: meetingStateUpdate(d, w.meeting, w.state) }] : [])],
      }),
    );
    return;
  }
  if (w.state) await setMeetingState(d, w.meeting, w.state);
  await d.db.send(new PutCommand({ TableName: d.tableName, Item: sendItem }));
  await batchPut(d, deliveryItems);
  await d.db.send(new PutCommand({ TableName: d.tableName, Item: w.requeueJob }));
}

export async function getSendRecord(d: Db, sendId: string): Promise<Send> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.send(sendId), ConsistentRead: true }));
  if (!out.Item) throw new NotFoundError(`utsendelsen ${sendId}`);
  return Send.parse(withoutKeys(out.Item));
}

export async function listDeliveries(d: Db, sendId: string): Promise<Delivery[]> {
  const items = await queryAll(d, {
    KeyConditionExpression: "PK = :pk AND begins_with(SK, :sk)",
    ExpressionAttributeValues: { ":pk": keys.send(sendId).PK, ":sk": keys.deliveryPrefix },
    ConsistentRead: true,
  });
  return items.map((i) => Delivery.parse(withoutKeys(i)));
}

/** A meeting's sends, oldest first (GSI1). */
export async function listSendsOfMeeting(d: Db, meetingId: string): Promise<Send[]> {
  const items = await queryAll(d, {
    IndexName: GSI.lookups,
    KeyConditionExpression: "GSI1PK = :pk",
    ExpressionAttributeValues: { ":pk": keys.meetingSendsIndex(meetingId) },
  });
  return items.map((s) => Send.parse(withoutKeys(s)));
}

/** Each seat an escalation named, with when and to which postmottak: the reply history shows them. */
export async function escalationsOf(d: Db, meetingId: string): Promise<Escalation[]> {
  const sends = (await listSendsOfMeeting(d, meetingId)).filter((s) => s.template === "escalation");
  const found = await Promise.all(
    sends.map(async (s) =>
      (await listDeliveries(d, s.id)).flatMap((dl) =>
        (dl.seatInvitationIds ?? []).map((seat) => ({ seatInvitationId: seat, at: s.createdAt, postmottak: dl.email })),
      ),
    ),
  );
  return found.flat();
}
export interface Escalation {
  seatInvitationId: string;
  at: string;
  postmottak: string;
}
