// One delivery's life in the table: the claim before SES is called, the outcome after, and the SES events later.
import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { type Db, isConditionFailure, patchUpdate, queryAll } from "./db.js";
import { keys, withoutKeys } from "./keys.js";
import { Delivery } from "./sends.js";

/** Claimed (with the record), or why not: no such delivery, finished already (sent or failed), or held by a live claim. */
export type ClaimResult = { claimed: Delivery } | { missing: true } | { finished: Delivery } | { held: Delivery };

/**
 * Claims a delivery for sending, in one conditional write that also returns the record (what the
 * copy is composed from): it must be waiting, or claimed by a worker whose lease ran out (one that
 * died after claiming). Only when the condition fails (a redelivered message: rare) is the record
 * read, to tell why.
 */
export async function claimDelivery(
  d: Db,
  sendId: string,
  deliveryId: string,
  claimId: string,
  now: Date,
  leaseMs: number,
): Promise<ClaimResult> {
  try {
    const out = await d.db.send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: keys.delivery(sendId, deliveryId),
        UpdateExpression: "SET #s = :sending, claimId = :c, claimedAt = :now, attempts = attempts + :one",
        ConditionExpression: "#s = :queued OR (#s = :sending AND claimedAt < :stale)",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: {
          ":sending": "sending",
          ":queued": "queued",
          ":c": claimId,
          ":now": now.toISOString(),
          ":one": 1,
          ":stale": new Date(now.getTime() - leaseMs).toISOString(),
        },
        ReturnValues: "ALL_NEW",
      }),
    );
    return { claimed: Delivery.parse(withoutKeys(out.Attributes ?? {})) };
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    const { Item: item } = await d.db.send(
      new GetCommand({ TableName: d.tableName, Key: keys.delivery(sendId, deliveryId), ConsistentRead: true }),
    );
    if (!item) return { missing: true };
    const current = Delivery.parse(withoutKeys(item));
    // Our own claim: the first attempt went through but its answer was lost, and the SDK retried.
    if (current.status === "sending" && current.claimId === claimId) return { claimed: current };
    return current.status === "sending" ? { held: current } : { finished: current };
  }
}

export type DeliveryOutcome =
  | { status: "sent"; messageId: string; sentAt: string }
  | { status: "failed"; error: string }
  /** Handed back (passing trouble): the queue brings it again. */
  | { status: "queued" };

/** Records the outcome, if the claim is still ours; a sent delivery becomes findable by its SES message id. */
export async function finishDelivery(
  d: Db,
  sendId: string,
  deliveryId: string,
  claimId: string,
  outcome: DeliveryOutcome,
): Promise<void> {
  const index = outcome.status === "sent" ? keys.sesMessageEntry(outcome.messageId) : {};
  await d.db.send(
    new UpdateCommand({
      TableName: d.tableName,
      Key: keys.delivery(sendId, deliveryId),
      ...patchUpdate({ ...outcome, ...index }, { expression: "claimId = :claim", values: { ":claim": claimId } }),
    }),
  );
}

/** The delivery an SES message id belongs to (GSI1), as its key. */
export async function findDeliveryBySesMessage(
  d: Db,
  messageId: string,
): Promise<{ sendId: string; deliveryId: string } | undefined> {
  const [item] = await queryAll(d, {
    IndexName: "GSI1",
    KeyConditionExpression: "GSI1PK = :pk",
    ExpressionAttributeValues: { ":pk": keys.sesMessageIndex(messageId) },
  });
  return item ? { sendId: String(item.sendId), deliveryId: String(item.id) } : undefined;
}

/**
 * Records an SES event on a delivery: the last event always, the state and the reason when the
 * event changes them. A Delivery event arriving after a Bounce or Complaint (SES does not keep
 * their order) never hides it: "delivered" is written only over a state that is not final news.
 */
export async function recordDeliveryEvent(
  d: Db,
  sendId: string,
  deliveryId: string,
  event: { type: string; at: string; status?: Delivery["status"]; error?: string },
): Promise<void> {
  const Key = keys.delivery(sendId, deliveryId);
  const noted = { lastEvent: event.type, lastEventAt: event.at };
  const patch = { ...noted, ...(event.status ? { status: event.status } : {}), ...(event.error ? { error: event.error } : {}) };
  const keepsBadNews =
    event.status === "delivered"
      ? {
          expression: "NOT (#st IN (:bounced, :complained, :failed))",
          names: { "#st": "status" },
          values: { ":bounced": "bounced", ":complained": "complained", ":failed": "failed" },
        }
      : undefined;
  try {
    await d.db.send(new UpdateCommand({ TableName: d.tableName, Key, ...patchUpdate(patch, keepsBadNews) }));
  } catch (err) {
    if (!keepsBadNews || !isConditionFailure(err)) throw err;
    await d.db.send(new UpdateCommand({ TableName: d.tableName, Key, ...patchUpdate(noted) }));
  }
}
