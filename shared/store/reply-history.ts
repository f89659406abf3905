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

const byTime = (a: ReplyLogEntry, b: ReplyLogEntry) => a.at.localeCompare(b.at) || a.version - b.version;

/** The history entries among a meeting partition's items (the board reads the whole partition anyway), oldest first. */
export function replyLogOf(items: Item[]): ReplyLogEntry[] {
  return items
    .filter((i) => String(i.SK).startsWith(keys.replyLogsPrefix))
    .map((i) => ReplyLogEntry.parse(withoutKeys(i)))
    .sort(byTime);
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
