// The reply history as the secretariat reads it: who answered what, when, and from where (their link, or a secretariat user).
import type { Invitation } from "../model.js";
import type { ReplyLogEntry } from "../store/reply-history.js";
import type { Escalation } from "../store/sends.js";

export interface HistoryLine {
  /** The invitation the reply was given on (a substitute's own, for their replies). */
  invitationId: string;
  /** The seat's line on the board: the member's invitation (also for their substitute's replies). */
  seatInvitationId: string;
  name: string;
  substituteFor?: string;
  version: number;
  /** A reply's status, or "escalated": the seat was reported unanswered to its kommune's postmottak. */
  status: ReplyLogEntry["status"] | "escalated";
  reason?: string;
  note?: string;
  substitute?: { name: string; email: string };
  at: string;
  by: string;
  /** "participant link", "kalender", "secretariat:<user>" as recorded, or "postmottak:<address>" (an escalation). */
  from: string;
}

/** Where a reply came from: "participant" is the personal link; the secretariat's replies name their user. */
const replyFrom = (by: string): string => (by === "participant" ? "participant link" : by);

/** Every change of every reply of a meeting, oldest first, named and tied to its seat. */
export function historyLines(entries: ReplyLogEntry[], invitations: Invitation[], escalations: Escalation[] = []): HistoryLine[] {
  const byId = new Map(invitations.map((i) => [i.id, i]));
  const lines = entries.map((e): HistoryLine => {
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
  // Each escalation goes in before the first change made after it (the changes keep their own order).
  for (const e of [...escalations].sort((a, b) => a.at.localeCompare(b.at))) {
    const inv = byId.get(e.seatInvitationId);
    const line: HistoryLine = {
      invitationId: e.seatInvitationId,
      seatInvitationId: e.seatInvitationId,
      name: inv?.name ?? e.seatInvitationId,
      version: inv?.replyVersion ?? 0,
      status: "escalated",
      at: e.at,
      by: "system",
      from: `postmottak:${e.postmottak}`,
    };
    const after = lines.findIndex((l) => l.at > e.at);
    lines.splice(after === -1 ? lines.length : after, 0, line);
  }
  return lines;
}
