import { BatchGetCommand } from "@aws-sdk/lib-dynamodb";
import type { AppContext } from "../context.js";
import { queryAll } from "../store/db.js";
import { invitationsOf } from "../store/invitations.js";
import { keys } from "../store/keys.js";
import { getMeetingBundle } from "../store/meetings.js";

/** A meeting's invitations (one query) and which of their addresses have bounced (batched reads). */
export async function listMeetingReplies(ctx: AppContext, meetingId: string) {
  const bundle = await getMeetingBundle(ctx, meetingId);
  const invitations = invitationsOf(bundle.rest);
  const personIds = [...new Set(invitations.flatMap((i) => (i.personId ? [i.personId] : [])))];
  const bounced = new Set<string>();
  for (let i = 0; i < personIds.length; i += 100) {
    let request: Record<string, unknown>[] | undefined = personIds.slice(i, i + 100).map((id) => keys.person(id));
    for (let attempt = 0; request?.length; attempt++) {
      const out = await ctx.db.send(
        new BatchGetCommand({ RequestItems: { [ctx.tableName]: { Keys: request, ProjectionExpression: "email, bouncedAt" } } }),
      );
      for (const p of out.Responses?.[ctx.tableName] ?? []) if (p.bouncedAt) bounced.add(String(p.email).toLowerCase());
      request = out.UnprocessedKeys?.[ctx.tableName]?.Keys as Record<string, unknown>[] | undefined;
      if (request?.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
  return { bundle, invitations, bounced };
}

/** The history of one invitation's replies, oldest first. */
export async function replyHistory(ctx: AppContext, meetingId: string, invitationId: string) {
  return queryAll(ctx, {
    KeyConditionExpression: "PK = :pk AND begins_with(SK, :sk)",
    ExpressionAttributeValues: { ":pk": keys.meeting(meetingId).PK, ":sk": `REPLYLOG#${invitationId}#` },
    ConsistentRead: true,
  });
}
