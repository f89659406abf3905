// The reply history as the secretariat reads it: who answered what, when, and from where (their link, or a secretariat user).
import type { Invitation } from "../model.js";
import type { ReplyLogEntry } from "../store/reply-history.js";

export interface HistoryLine {
  /** The invitation the reply was given on (a substitute's own, for their replies). */
  invitationId: string;
  /** The seat's line on the board: the member's invitation (also for their substitute's replies). */
  seatInvitationId: string;
  name: string;
  substituteFor?: string;
  version: number;
  status: ReplyLogEntry["status"];
  reason?: string;
  note?: string;
  substitute?: { name: string; email: string };
  at: string;
  by: string;
  /** "participant link", or "secretariat:<user>" as recorded. */
  from: string;
}

/** Where a reply came from: "participant" is the personal link; the secretariat's replies name their user. */
const replyFrom = (by: string): string => (by === "participant" ? "participant link" : by);

/** Every change of every reply of a meeting, oldest first, named and tied to its seat. */
export function historyLines(entries: ReplyLogEntry[], invitations: Invitation[]): HistoryLine[] {
  const byId = new Map(invitations.map((i) => [i.id, i]));
  return entries.map((e) => {
    const inv = byId.get(e.invitationId);
    return {
      invitationId: e.invitationId,
      seatInvitationId: inv?.substituteFor?.invitationId ?? e.invitationId,
      name: inv?.name ?? e.invitationId,
      ...(inv?.substituteFor ? { substituteFor: inv.substituteFor.name } : {}),
      version: e.version,
      status: e.status,
      ...(e.reason ? { reason: e.reason } : {}),
      ...(e.note ? { note: e.note } : {}),
      ...(e.substitute ? { substitute: { name: e.substitute.name, email: e.substitute.email } } : {}),
      at: e.at,
      by: e.by,
      from: replyFrom(e.by),
    };
  });
}
