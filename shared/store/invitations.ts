import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { NotFoundError } from "../domain/errors.js";
import { Invitation, type Member, type Reply } from "../domain/model.js";
import { type Db, isConditionFailure, jitter, queryAll } from "./db.js";
import { keys, withoutKeys } from "./keys.js";

/** Invitations (one per person per meeting) and their replies, with every change kept as history. */

export const invitationIdForMember = (memberId: string) => `m-${memberId}`;

export function invitationsOf(rest: Record<string, unknown>[]): Invitation[] {
  return rest.filter((i) => String(i.SK).startsWith("INV#")).map((i) => Invitation.parse(withoutKeys(i)));
}

export async function getInvitation(d: Db, meetingId: string, invitationId: string): Promise<Invitation | undefined> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.invitation(meetingId, invitationId), ConsistentRead: true }));
  return out.Item ? Invitation.parse(withoutKeys(out.Item)) : undefined;
}

/** All invitations of a meeting (one prefix query). */
export async function listInvitations(d: Db, meetingId: string): Promise<Invitation[]> {
  const items = await queryAll(d, {
    KeyConditionExpression: "PK = :pk AND begins_with(SK, :sk)",
    ExpressionAttributeValues: { ":pk": keys.invitation(meetingId, "").PK, ":sk": "INV#" },
    ConsistentRead: true,
  });
  return items.map((i) => Invitation.parse(withoutKeys(i)));
}

/** Creates the invitations of members that have none yet (idempotent: the id derives from the member). */
export async function ensureInvitations(d: Db, meetingId: string, members: Member[], existing: Invitation[], now: Date): Promise<Invitation[]> {
  const have = new Set(existing.map((i) => i.id));
  const created: Invitation[] = [];
  for (const m of members) {
    if (m.role === "secretariat") continue;
    const id = invitationIdForMember(m.id);
    if (have.has(id)) continue;
    const inv: Invitation = {
      id,
      meetingId,
      personId: m.personId,
      name: m.personName,
      email: m.personEmail,
      organisationId: m.organisationId,
      organisationName: m.organisationName,
      role: m.role,
      linkVersion: 1,
      withdrawn: false,
      replyVersion: 0,
      createdAt: now.toISOString(),
    };
    try {
      await d.db.send(
        new PutCommand({
          TableName: d.tableName,
          Item: { ...keys.invitation(meetingId, id), ...inv },
          ConditionExpression: "attribute_not_exists(PK)",
        }),
      );
      created.push(inv);
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }
  return [...existing, ...created];
}

export interface ReplyChange {
  reply: Reply;
  /** Extra writes that must happen together with the reply (the substitute's own invitation). */
  alsoPut?: Invitation[];
  alsoWithdraw?: string[];
}

/**
 * Records a reply: the invitation's current reply and a history entry are written in one
 * transaction, conditional on the reply version read, so concurrent changes each get their own
 * version in the history and the last one to commit is the current reply. Nothing is overwritten
 * without trace.
 */
export async function recordReply(
  d: Db,
  meetingId: string,
  invitationId: string,
  change: (current: Invitation) => ReplyChange,
): Promise<{ invitation: Invitation; previous?: Reply }> {
  for (let attempt = 0; ; attempt++) {
    const current = await getInvitation(d, meetingId, invitationId);
    if (!current) throw new Error(`invitation ${invitationId} vanished`);
    const { reply, alsoPut = [], alsoWithdraw = [] } = change(current);
    const version = current.replyVersion + 1;
    const next: Invitation = { ...current, reply, replyVersion: version };
    const tx: Record<string, unknown>[] = [
      {
        Put: {
          TableName: d.tableName,
          Item: { ...keys.invitation(meetingId, invitationId), ...next },
          ConditionExpression: "replyVersion = :v",
          ExpressionAttributeValues: { ":v": current.replyVersion },
        },
      },
      {
        Put: {
          TableName: d.tableName,
          Item: { ...keys.replyLog(meetingId, invitationId, version), invitationId, version, previous: current.reply ?? null, ...reply },
          ConditionExpression: "attribute_not_exists(PK)",
        },
      },
      ...alsoPut.map((inv) => ({ Put: { TableName: d.tableName, Item: { ...keys.invitation(meetingId, inv.id), ...inv } } })),
      ...alsoWithdraw.map((id) => ({
        Update: {
          TableName: d.tableName,
          Key: keys.invitation(meetingId, id),
          UpdateExpression: "SET withdrawn = :t",
          ExpressionAttributeValues: { ":t": true },
        },
      })),
    ];
    try {
      await d.db.send(new TransactWriteCommand({ TransactItems: tx as never }));
      return { invitation: next, previous: current.reply };
    } catch (err) {
      if (!isConditionFailure(err) || attempt > 100) throw err;
      await jitter(attempt);
    }
  }
}

/** Revokes a personal link (and the attachment links made from it): older links stop verifying. */
export async function revokeLink(d: Db, meetingId: string, invitationId: string): Promise<number> {
  try {
    const out = await d.db.send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: keys.invitation(meetingId, invitationId),
        UpdateExpression: "SET linkVersion = linkVersion + :one",
        ConditionExpression: "attribute_exists(PK)",
        ExpressionAttributeValues: { ":one": 1 },
        ReturnValues: "UPDATED_NEW",
      }),
    );
    return Number(out.Attributes?.linkVersion);
  } catch (err) {
    if (isConditionFailure(err)) throw new NotFoundError(`invitasjonen ${invitationId}`);
    throw err;
  }
}
