// The participant's reads and the link reply's write: one link's invitation, its meeting, the reply page, parsed with zod/mini.
import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import * as z from "zod/mini";
import { ConflictError } from "../errors.js";
import type { Body, Invitation, Meeting, Reply } from "../model.js";
import { type Db, type Item, queryAll } from "./db.js";
import { keys, withoutKeys } from "./keys.js";

/**
 * The participant Lambda loads only this module's schemas (zod/mini, the tree-shakable build), not
 * the full ones of shared/model.ts. Each lists exactly the fields the reply path reads or writes
 * back; the types are checked against the model's, so the two cannot drift apart. Each is a
 * z.lazy: the tree is built on its first parse, not at import (a cold start pays for none of it).
 */
const str = () => z.string();
const optStr = () => z.optional(z.string());
const int = () => z.number().check(z.int());

const ReplySchema = (): z.ZodMiniType<Reply> =>
  z.object({
    status: z.enum(["attending", "absent", "substitute"]),
    reason: optStr(),
    substitute: z.optional(
      z.object({
        name: str(),
        email: str(),
        invitationId: str(),
        role: optStr(),
        held: z.optional(z.boolean()),
        vara: z.optional(z.boolean()),
      }),
    ),
    at: str(),
    by: str(),
    note: optStr(),
  });

const InvitationSchema: z.ZodMiniType<Invitation> = z.lazy(() =>
  z.object({
    id: str(),
    meetingId: str(),
    personId: optStr(),
    name: str(),
    email: str(),
    organisationId: optStr(),
    organisationName: optStr(),
    role: str(),
    substituteFor: z.optional(z.object({ invitationId: str(), name: str() })),
    vara: z.optional(z.object({ personId: optStr(), name: str(), email: str() })),
    linkVersion: int(),
    withdrawn: z.boolean(),
    held: z.optional(z.boolean()),
    reply: z.optional(ReplySchema()),
    replyVersion: int(),
    createdAt: str(),
  }),
);

/** The live meeting record (status and deadline change without a new version, so never from a snapshot). */
const PageMeetingSchema: z.ZodMiniType<Meeting> = z.lazy(() =>
  z.object({
    id: str(),
    bodyId: str(),
    title: str(),
    startsAt: str(),
    endsAt: str(),
    place: str(),
    kind: z.enum(["physical", "digital", "hybrid"]),
    replyDeadline: optStr(),
    status: z.enum(["draft", "invited", "held", "minutes_approved", "minutes_sent", "cancelled"]),
    version: int(),
    sequence: int(),
    invitedVersion: z.optional(int()),
    published: z.boolean(),
    createdAt: str(),
    updatedAt: str(),
  }),
);
export type PageMeeting = Meeting;

const pageAttachment = () =>
  z.object({
    number: int(),
    title: str(),
    filename: str(),
    contentType: str(),
    blobKey: str(),
    exempt: z.boolean(),
  });
const PageAttachmentSchema = z.lazy(pageAttachment);
export type PageAttachment = z.infer<typeof PageAttachmentSchema>;

/** The agenda, attachments and body of one meeting version: what the reply page shows besides the live meeting. */
const PageContentSchema = z.lazy(() =>
  z.object({
    agenda: z.array(z.object({ number: z.nullable(str()), title: str(), order: z.number(), withdrawn: z.optional(z.boolean()) })),
    attachments: z.array(pageAttachment()),
    body: z.object({
      name: str(),
      secretariat: z.object({ name: str(), email: str(), phone: optStr() }),
      language: z.optional(z.enum(["nb", "nn"])),
    }) satisfies z.ZodMiniType<Pick<Body, "name" | "secretariat" | "language">>,
  }),
);
export type PageContent = z.infer<typeof PageContentSchema>;

/** The per-link reply counter kept on the invitation item (fixed window), so the limit costs no call of its own. */
export interface LinkCounter {
  window: number;
  posts: number;
}

export interface LinkRead {
  invitation?: Invitation;
  counter: LinkCounter;
  meeting?: PageMeeting;
  attachment?: PageAttachment;
}

const counterOf = (item: Item | undefined): LinkCounter => ({
  window: Number(item?.replyWindow ?? -1),
  posts: Number(item?.replyPosts ?? 0),
});

/** One consistent BatchGetItem, asked again for keys left unprocessed (throttling). */
async function consistentBatchGet(d: Db, request: Item[]): Promise<Item[]> {
  const found: Item[] = [];
  let Keys: Item[] | undefined = request;
  for (let attempt = 0; Keys?.length; attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    const out = await d.db.send(new BatchGetCommand({ RequestItems: { [d.tableName]: { Keys, ConsistentRead: true } } }));
    found.push(...((out.Responses?.[d.tableName] ?? []) as Item[]));
    Keys = out.UnprocessedKeys?.[d.tableName]?.Keys as Item[] | undefined;
  }
  return found;
}

/** One consistent BatchGetItem for what a link needs: its invitation, and the meeting and one attachment when asked for. */
export async function readLink(
  d: Db,
  meetingId: string,
  invitationId: string,
  want: { meeting?: boolean; attachment?: number },
): Promise<LinkRead> {
  const Keys: Item[] = [keys.invitation(meetingId, invitationId)];
  if (want.meeting) Keys.push(keys.meeting(meetingId));
  if (want.attachment !== undefined) Keys.push(keys.attachment(meetingId, want.attachment));
  const found = await consistentBatchGet(d, Keys);
  const bySk = (sk: string) => found.find((i) => i.SK === sk);
  const inv = bySk(keys.invitation(meetingId, invitationId).SK);
  const meeting = bySk(keys.meeting(meetingId).SK);
  const att = want.attachment !== undefined ? bySk(keys.attachment(meetingId, want.attachment).SK) : undefined;
  return {
    invitation: inv ? InvitationSchema.parse(withoutKeys(inv)) : undefined,
    counter: counterOf(inv),
    meeting: meeting ? PageMeetingSchema.parse(meeting) : undefined,
    attachment: att ? PageAttachmentSchema.parse(att) : undefined,
  };
}

/** The invitation alone (a reply retried after losing a race reads it again). */
export async function readLinkInvitation(
  d: Db,
  meetingId: string,
  invitationId: string,
): Promise<{ invitation?: Invitation; counter: LinkCounter }> {
  const out = await d.db.send(
    new GetCommand({ TableName: d.tableName, Key: keys.invitation(meetingId, invitationId), ConsistentRead: true }),
  );
  return { invitation: out.Item ? InvitationSchema.parse(withoutKeys(out.Item)) : undefined, counter: counterOf(out.Item) };
}

/** The newest snapshot of the meeting (one Query, newest first, one item); undefined when there is none. */
export async function latestPageContent(d: Db, meetingId: string): Promise<(PageContent & { version: number }) | undefined> {
  const out = await d.db.send(
    new QueryCommand({
      TableName: d.tableName,
      KeyConditionExpression: "PK = :pk",
      ExpressionAttributeValues: { ":pk": keys.snapshot(meetingId, 0).PK },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  const item = out.Items?.[0];
  if (!item) return undefined;
  return { ...PageContentSchema.parse(item), version: PageMeetingSchema.parse(item.meeting).version };
}

/**
 * The page content read from the meeting itself, for a version no send has frozen yet (an edit
 * after the last send): the agenda and attachments by their SK prefixes (never the invitations),
 * and the body.
 */
export async function livePageContent(d: Db, meeting: PageMeeting): Promise<PageContent> {
  const prefix = (p: string) =>
    queryAll(d, {
      KeyConditionExpression: "PK = :pk AND begins_with(SK, :sk)",
      ExpressionAttributeValues: { ":pk": keys.meeting(meeting.id).PK, ":sk": p },
      ConsistentRead: true,
    });
  const [agenda, attachments, body] = await Promise.all([
    prefix(keys.agendaItemPrefix),
    prefix(keys.attachmentPrefix),
    d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.body(meeting.bodyId) })),
  ]);
  return PageContentSchema.parse({ agenda, attachments, body: body.Item });
}

/** A reply's writes besides the invitation's fields (ReplyChange in invitations.ts); no outbox job when silent. */
export interface ReplyWrites {
  reply: Reply;
  alsoPut?: Invitation[];
  alsoWithdraw?: string[];
  alsoItems?: Record<string, unknown>[];
}

/** The update that withdraws an invitation (its links then answer 410, its replies are refused). */
export function withdrawUpdate(d: Db, meetingId: string, invitationId: string) {
  return {
    Update: {
      TableName: d.tableName,
      Key: keys.invitation(meetingId, invitationId),
      UpdateExpression: "SET withdrawn = :t",
      ConditionExpression: "attribute_exists(PK)",
      ExpressionAttributeValues: { ":t": true },
    },
  };
}

/**
 * One reply as one TransactWriteItems: the invitation's reply fields (and, through a link, the
 * link's counter), conditional on the reply version read, the invitation not withdrawn and the
 * link version read; the history entry; the substitute's invitation, withdrawals, outbox job.
 */
export async function writeReply(d: Db, current: Invitation, w: ReplyWrites, counter?: LinkCounter): Promise<Invitation> {
  const { meetingId, id } = current;
  const version = current.replyVersion + 1;
  const values: Record<string, unknown> = {
    ":reply": w.reply,
    ":next": version,
    ":v": current.replyVersion,
    ":false": false,
    ":lv": current.linkVersion,
  };
  if (counter) Object.assign(values, { ":w": counter.window, ":n": counter.posts });
  const tx = [
    {
      Update: {
        TableName: d.tableName,
        Key: keys.invitation(meetingId, id),
        UpdateExpression: `SET reply = :reply, replyVersion = :next${counter ? ", replyWindow = :w, replyPosts = :n" : ""}`,
        ConditionExpression: "replyVersion = :v AND withdrawn = :false AND linkVersion = :lv",
        ExpressionAttributeValues: values,
      },
    },
    {
      Put: {
        TableName: d.tableName,
        Item: {
          ...keys.replyLog(meetingId, id, version),
          invitationId: id,
          version,
          previous: current.reply ?? null,
          ...w.reply,
        },
        ConditionExpression: "attribute_not_exists(PK)",
      },
    },
    ...(w.alsoPut ?? []).map((inv) => ({
      Put: {
        TableName: d.tableName,
        Item: { ...keys.invitation(meetingId, inv.id), ...inv },
        ConditionExpression: "attribute_not_exists(PK)",
      },
    })),
    ...(w.alsoWithdraw ?? []).map((sub) => withdrawUpdate(d, meetingId, sub)),
    ...(w.alsoItems ?? []).map((Item) => ({ Put: { TableName: d.tableName, Item } })),
  ];
  await d.db.send(new TransactWriteCommand({ TransactItems: tx }));
  return { ...current, reply: w.reply, replyVersion: version };
}

/** The invitation was withdrawn, or the link used to reply is no longer its current link. */
export class InvitationClosedError extends ConflictError {
  constructor(readonly reason: "withdrawn" | "revoked") {
    super(reason === "withdrawn" ? "Invitasjonen er trukket tilbake." : "Lenken er trukket tilbake.");
  }
}

/** Refuses a reply to a withdrawn invitation, or through a link that is no longer its current one. */
export function checkOpen(current: Invitation, linkVersion?: number): void {
  if (current.withdrawn) throw new InvitationClosedError("withdrawn");
  if (linkVersion !== undefined && current.linkVersion !== linkVersion) throw new InvitationClosedError("revoked");
}

/** A meeting's attachment and whether the meeting is published (the archive's attachment link): one BatchGetItem. */
export async function readMeetingAttachment(
  d: Db,
  meetingId: string,
  n: number,
): Promise<{ published: boolean; attachment?: PageAttachment } | undefined> {
  const items = await consistentBatchGet(d, [keys.meeting(meetingId), keys.attachment(meetingId, n)]);
  const head = items.find((i) => i.SK === keys.meeting(meetingId).SK);
  const att = items.find((i) => i.SK === keys.attachment(meetingId, n).SK);
  return head ? { published: head.published === true, attachment: att ? PageAttachmentSchema.parse(att) : undefined } : undefined;
}
