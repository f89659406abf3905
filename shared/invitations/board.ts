// The reply board's read: a meeting's invitations (one query) and which of their addresses have bounced.
import type { AppContext } from "../context.js";
import { bouncedEmails, invitationsOf } from "../store/invitations.js";
import { getMeetingBundle } from "../store/meetings.js";

export async function listMeetingReplies(ctx: AppContext, meetingId: string) {
  const bundle = await getMeetingBundle(ctx, meetingId);
  const invitations = invitationsOf(bundle.rest);
  const bounced = await bouncedEmails(ctx, [...new Set(invitations.flatMap((i) => (i.personId ? [i.personId] : [])))]);
  return { bundle, invitations, bounced };
}
