// Taking a member off a body's list, and withdrawing their invitations to meetings that have not started.
import type { Db } from "../store/db.js";
import { removeMember } from "../store/directory.js";
import { invitationIdForMember, withdrawInvitation } from "../store/invitations.js";
import { listMeetings } from "../store/meetings.js";

/**
 * Takes a member off the list. Their invitations to meetings that have not started are withdrawn
 * (with their substitutes'), so their personal link says so instead of letting them answer for a
 * seat they no longer hold.
 */
export async function removeMemberFromList(d: Db, bodyId: string, memberId: string, now: Date): Promise<{ withdrawn: number }> {
  await removeMember(d, bodyId, memberId);
  const upcoming = (await listMeetings(d, bodyId)).filter((m) => m.startsAt > now.toISOString() && m.status !== "cancelled");
  let withdrawn = 0;
  for (const m of upcoming) {
    if (await withdrawInvitation(d, m.id, invitationIdForMember(memberId))) withdrawn++;
  }
  return { withdrawn };
}
