import type { AppContext } from "../context.js";
import { queryAll } from "../store/db.js";
import { invitationsOf } from "../store/invitations.js";
import { getMeetingBundle } from "../store/meetings.js";
import { keys } from "../store/keys.js";

/** A meeting's invitations (one query) and which of their addresses have bounced. */
export async function listMeetingReplies(ctx: AppContext, meetingId: string) {
  const bundle = await getMeetingBundle(ctx, meetingId);
  const invitations = invitationsOf(bundle.rest);
  const bounced = new Set<string>();
  await Promise.all(
    invitations.map(async (inv) => {
      if (!inv.personId) return;
      const items = await queryAll(ctx, {
        KeyConditionExpression: "PK = :pk AND SK = :sk",
        ExpressionAttributeValues: { ":pk": keys.person(inv.personId).PK, ":sk": "PERSON" },
      });
      if (items[0]?.bouncedAt) bounced.add(inv.email.toLowerCase());
    }),
  );
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
