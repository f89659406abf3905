// Reading the reply history: one REPLYLOG entry per change, written in the reply's own transaction (writeReply in participant.ts).
import { z } from "zod";
import { Reply } from "../model.js";
import { type Db, type Item, queryAll } from "./db.js";
import { keys, withoutKeys } from "./keys.js";

const ReplyLogEntry = Reply.extend({
  invitationId: z.string(),
  version: z.number().int(),
  /** The reply it replaced; null for the first. */
  previous: Reply.nullable().optional(),
});
export type ReplyLogEntry = z.infer<typeof ReplyLogEntry>;

/**
 * Oldest first. Across invitations by time; within one invitation by version, the order the changes
 * were committed in (`at` is when a request began, so of two racing changes the later one may carry
 * the earlier time): each invitation's entries fill the places its entries take in the time order.
 */
function inOrder(entries: ReplyLogEntry[]): ReplyLogEntry[] {
  const byTime = [...entries].sort((a, b) => a.at.localeCompare(b.at) || a.version - b.version);
  const byVersion = new Map<string, ReplyLogEntry[]>();
  for (const e of [...entries].sort((a, b) => a.version - b.version)) {
    byVersion.set(e.invitationId, [...(byVersion.get(e.invitationId) ?? []), e]);
  }
  return byTime.map((e) => byVersion.get(e.invitationId)!.shift()!);
}

/** The history entries among a meeting partition's items (the board reads the whole partition anyway), oldest first. */
export function replyLogOf(items: Item[]): ReplyLogEntry[] {
  return inOrder(
    items.filter((i) => String(i.SK).startsWith(keys.replyLogsPrefix)).map((i) => ReplyLogEntry.parse(withoutKeys(i))),
  );
}

/** The history of one invitation's replies, oldest first. */
export async function replyHistory(d: Db, meetingId: string, invitationId: string): Promise<ReplyLogEntry[]> {
  const items = await queryAll(d, {
    KeyConditionExpression: "PK = :pk AND begins_with(SK, :sk)",
    ExpressionAttributeValues: { ":pk": keys.meeting(meetingId).PK, ":sk": keys.replyLogPrefix(invitationId) },
    ConsistentRead: true,
  });
  return replyLogOf(items);
}
