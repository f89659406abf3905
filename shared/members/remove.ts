import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../store/db.js";
import { isConditionFailure } from "../store/db.js";
import { removeMember } from "../store/directory.js";
import { invitationIdForMember } from "../store/invitations.js";
import { keys } from "../store/keys.js";
import { listMeetings } from "../store/meetings.js";

/**
 * Takes a member off the list. Their invitations to meetings that have not started are withdrawn,
 * so their personal link says so instead of letting them answer for a seat they no longer hold.
 */
export async function removeMemberFromList(d: Db, bodyId: string, memberId: string, now: Date): Promise<{ withdrawn: number }> {
  await removeMember(d, bodyId, memberId);
  const upcoming = (await listMeetings(d, bodyId)).filter((m) => m.startsAt > now.toISOString() && m.status !== "cancelled");
  let withdrawn = 0;
  for (const m of upcoming) {
    try {
      await d.db.send(
        new UpdateCommand({
          TableName: d.tableName,
          Key: keys.invitation(m.id, invitationIdForMember(memberId)),
          UpdateExpression: "SET withdrawn = :t",
          ConditionExpression: "attribute_exists(PK)",
          ExpressionAttributeValues: { ":t": true },
        }),
      );
      withdrawn++;
    } catch (err) {
      if (!isConditionFailure(err)) throw err; // no invitation to that meeting yet
    }
  }
  return { withdrawn };
}
