// Invitations (one per person per meeting) and their replies, with every change kept as history.
import { GetCommand, TransactWriteCommand, type TransactWriteCommandInput, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { NotFoundError } from "../errors.js";
import { Invitation, type Member, type Reply } from "../model.js";
import { batchGet, type Db, isConditionFailure, putIfAbsent, queryAll, retryOnConflict } from "./db.js";
import { keys, withoutKeys } from "./keys.js";
import { checkOpen, type ReplyWrites, withdrawUpdate, writeReply } from "./participant.js";

export const invitationIdForMember = (memberId: string) => `m-${memberId}`;

export function invitationsOf(rest: Record<string, unknown>[]): Invitation[] {
  return rest.filter((i) => String(i.SK).startsWith("INV#")).map((i) => Invitation.parse(withoutKeys(i)));
}

/** Our ids are short ("m-<ulid>", "s-m-<ulid>-<n>"); a longer one exists nowhere and would exceed DynamoDB's key size. */
const MAX_ID_LENGTH = 200;

export async function getInvitation(d: Db, meetingId: string, invitationId: string): Promise<Invitation | undefined> {
  if (meetingId.length > MAX_ID_LENGTH || invitationId.length > MAX_ID_LENGTH) return undefined;
  const out = await d.db.send(
    new GetCommand({ TableName: d.tableName, Key: keys.invitation(meetingId, invitationId), ConsistentRead: true }),
  );
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
export async function ensureInvitations(
  d: Db,
  meetingId: string,
  members: Member[],
  existing: Invitation[],
  now: Date,
): Promise<Invitation[]> {
  const have = new Map(existing.map((i) => [i.id, i]));
  const fresh: Invitation[] = [];
  for (const m of members) {
    if (m.role === "secretariat") continue;
    const id = invitationIdForMember(m.id);
    const had = have.get(id);
    if (had) {
      await keepVaraCurrent(d, had, varaOf(m));
      continue;
    }
    fresh.push({
      ...(varaOf(m) ? { vara: varaOf(m) } : {}),
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
    });
  }
  const item = (inv: Invitation) => ({ ...keys.invitation(meetingId, inv.id), ...inv });
  const created: Invitation[] = [];
  // 100 conditional puts per transaction (a send to 2,000 is 20 calls, not 2,000); if one of a
  // chunk already exists (a concurrent send made it), that chunk is written one by one instead.
  for (let i = 0; i < fresh.length; i += 100) {
    const chunk = fresh.slice(i, i + 100);
    try {
      await d.db.send(
        new TransactWriteCommand({
          TransactItems: chunk.map((inv) => ({
            Put: { TableName: d.tableName, Item: item(inv), ConditionExpression: "attribute_not_exists(PK)" },
          })),
        }),
      );
      created.push(...chunk);
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      for (const inv of chunk) if (await putIfAbsent(d, item(inv))) created.push(inv);
    }
  }
  return [...existing, ...created];
}

/** The member's personal vara as the invitation carries it (the caller leaves it out when the body calls in no vara). */
const varaOf = (m: Member): Invitation["vara"] =>
  m.varaName && m.varaEmail ? { personId: m.varaPersonId, name: m.varaName, email: m.varaEmail } : undefined;

/** A vara set or changed after the first send reaches the invitation on the next send (only the vara field is written). */
async function keepVaraCurrent(d: Db, inv: Invitation, vara: Invitation["vara"]): Promise<void> {
  if (JSON.stringify(inv.vara ?? null) === JSON.stringify(vara ?? null)) return;
  await d.db.send(
    new UpdateCommand({
      TableName: d.tableName,
      Key: keys.invitation(inv.meetingId, inv.id),
      ConditionExpression: "attribute_exists(PK)",
      ...(vara
        ? { UpdateExpression: "SET vara = :v", ExpressionAttributeValues: { ":v": vara } }
        : { UpdateExpression: "REMOVE vara" }),
    }),
  );
  if (vara) inv.vara = vara;
  else delete inv.vara;
}

/** What a reply writes: the reply, and the substitute's invitation, withdrawals and outbox job in the same transaction. */
export type ReplyChange = ReplyWrites;

/**
 * Records a reply. Only the fields a reply changes are written (reply, replyVersion), in one
 * transaction with the history entry, and only if what the reply relies on still holds: the
 * reply version read, the invitation not withdrawn and, for a reply through a personal link,
 * that link's version. So a reply racing a revoke or a withdrawal can never bring the invitation
 * back; concurrent changes each get their own history entry and the last to commit is current.
 */
export async function recordReply(
  d: Db,
  meetingId: string,
  invitationId: string,
  expect: { linkVersion?: number },
  change: (current: Invitation) => ReplyChange,
): Promise<{ invitation: Invitation; previous?: Reply }> {
  return retryOnConflict(
    async () => {
      const current = await getInvitation(d, meetingId, invitationId);
      if (!current) throw new NotFoundError(`invitasjonen ${invitationId}`);
      checkOpen(current, expect.linkVersion);
      return { invitation: await writeReply(d, current, change(current)), previous: current.reply };
    },
    { retries: MAX_ATTEMPTS },
  );
}

const MAX_ATTEMPTS = 50;

/**
 * Ends an invitation's links (revoke) or withdraws it, together with the links of the substitute
 * its member named: a substitute's seat hangs on the member's invitation. Conditional on the
 * reply version read, so a substitute named at the same moment is not missed (the loser retries).
 */
async function closeInvitation(
  d: Db,
  meetingId: string,
  invitationId: string,
  withdraw: boolean,
): Promise<Invitation | undefined> {
  return retryOnConflict(
    async () => {
      const current = await getInvitation(d, meetingId, invitationId);
      if (!current) return undefined;
      const substituteId = current.reply?.status === "substitute" ? current.reply.substitute?.invitationId : undefined;
      const tx: NonNullable<TransactWriteCommandInput["TransactItems"]> = [
        {
          Update: {
            TableName: d.tableName,
            Key: keys.invitation(meetingId, invitationId),
            UpdateExpression: withdraw ? "SET withdrawn = :t" : "SET linkVersion = linkVersion + :one",
            ConditionExpression: "replyVersion = :v",
            ExpressionAttributeValues: { ":v": current.replyVersion, ...(withdraw ? { ":t": true } : { ":one": 1 }) },
          },
        },
      ];
      if (substituteId) {
        tx.push(
          withdraw
            ? withdrawUpdate(d, meetingId, substituteId)
            : {
                Update: {
                  TableName: d.tableName,
                  Key: keys.invitation(meetingId, substituteId),
                  UpdateExpression: "SET linkVersion = linkVersion + :one",
                  ConditionExpression: "attribute_exists(PK)",
                  ExpressionAttributeValues: { ":one": 1 },
                },
              },
        );
      }
      await d.db.send(new TransactWriteCommand({ TransactItems: tx }));
      return withdraw ? { ...current, withdrawn: true } : { ...current, linkVersion: current.linkVersion + 1 };
    },
    { retries: MAX_ATTEMPTS },
  );
}

/** Revokes a personal link (and the attachment links made from it, and the named substitute's). */
export async function revokeLink(d: Db, meetingId: string, invitationId: string): Promise<number> {
  const closed = await closeInvitation(d, meetingId, invitationId, false);
  if (!closed) throw new NotFoundError(`invitasjonen ${invitationId}`);
  return closed.linkVersion;
}

/** Withdraws an invitation (a member taken off the list) and its substitute's; false if there was none. */
export async function withdrawInvitation(d: Db, meetingId: string, invitationId: string): Promise<boolean> {
  return Boolean(await closeInvitation(d, meetingId, invitationId, true));
}

/** Why later sends skip an address: SES reported a permanent bounce, or its owner marked an email as spam. */
export type Suppression = "bounced" | "complained";

/**
 * Which of these people's addresses later sends skip, and why (batched reads of the person
 * records, emails lower-cased). `complainedAt` is read as stored: older records have none.
 */
export async function suppressedEmails(d: Db, personIds: string[]): Promise<Map<string, Suppression>> {
  const people = await batchGet(
    d,
    personIds.map((id) => keys.person(id)),
    "email, bouncedAt, complainedAt",
  );
  const found = new Map<string, Suppression>();
  for (const p of people) {
    const why: Suppression | undefined = p.bouncedAt ? "bounced" : p.complainedAt ? "complained" : undefined;
    if (why && typeof p.email === "string") found.set(p.email.toLowerCase(), why);
  }
  return found;
}
