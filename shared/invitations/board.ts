// The reply board's read: a meeting's partition (one query: invitations and reply history) and which addresses are suppressed.
import type { AppContext } from "../context.js";
import { invitationsOf, suppressedEmails } from "../store/invitations.js";
import { getMeetingBundle } from "../store/meetings.js";
import { replyLogOf } from "../store/reply-history.js";
import { escalationsOf } from "../store/sends.js";

export async function listMeetingReplies(ctx: AppContext, meetingId: string) {
  const bundle = await getMeetingBundle(ctx, meetingId);
  const invitations = invitationsOf(bundle.rest);
  const personIds = [...new Set(invitations.flatMap((i) => (i.personId ? [i.personId] : [])))];
  /** `bounced`: every suppressed address (bounced or complained), by lower-cased email. */
  const bounced = await suppressedEmails(ctx, personIds);
  const escalations = await escalationsOf(ctx, meetingId);
  return { bundle, invitations, bounced, history: replyLogOf(bundle.rest), escalations };
}
