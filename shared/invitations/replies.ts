// The secretariat's reply input and the per-kommune reply board (a pure grouping of the invitations by the seat rule).
import { z } from "zod";
import { nbReplies } from "../i18n/nb-replies.js";
import type { Invitation } from "../model.js";
import type { Suppression } from "../store/invitations.js";
import { type Seat, seatsAnswered, seatsOf } from "./seats.js";

/** The same, as JSON from the secretariat (recordReply), for one invitation. */
export const RecordReplyInput = z.strictObject({
  invitationId: z.string().min(1).max(200),
  status: z.enum(["attending", "absent", "substitute"]),
  reason: z.string().trim().max(500).optional(),
  substitute: z
    .strictObject({ name: z.string().trim().min(1).max(200), email: z.email().max(254), role: z.string().max(200).optional() })
    .optional(),
  /** Kept on the reply whatever the status (the reason is forfall's only). */
  note: z.string().trim().max(500).optional(),
  /** No emails (confirmation, substitute's invitation or notice); the default once the meeting has started. */
  silent: z.boolean().optional(),
});

/** The note the secretariat types on the board's form (the reason, when the reply is forfall). */
export const SecretariatNote = z.string().trim().max(500, nbReplies.noteTooLong);

export type SeatStatus = "attending" | "absent" | "substitute" | "vara_called" | "no_answer" | "bounced" | "withdrawn";

export interface SeatView {
  invitationId: string;
  name: string;
  email: string;
  role: string;
  /** False for deputies, observers and others: listed with their reply, never counted as a seat. */
  holdsSeat: boolean;
  status: SeatStatus;
  label: string;
  reason?: string;
  note?: string;
  substitute?: {
    name: string;
    email: string;
    invitationId: string;
    held?: boolean;
    reply?: "attending" | "absent";
    reason?: string;
    /** Called in as the member's personal vara. */
    vara?: boolean;
  };
  /** The named substitute sent forfall, so the seat is absent. */
  substituteAbsent?: boolean;
  /** Later sends skip this address: it bounced, or its owner complained (marked as spam). */
  suppressed?: Suppression;
  repliedAt?: string;
  repliedBy?: string;
}

function seatView(seat: Seat, suppressed: Map<string, Suppression>): SeatView {
  const { invitation: inv, substitute: subInv } = seat;
  const reply = inv.reply;
  const suppression = suppressed.get(inv.email.toLowerCase());
  const sub = reply?.status === "substitute" ? reply.substitute : undefined;
  return {
    invitationId: inv.id,
    name: inv.name,
    email: inv.email,
    role: inv.role,
    holdsSeat: seat.holdsSeat,
    status: seat.state === "no_answer" && suppression ? "bounced" : seat.state,
    label: sub ? `${sub.name} for ${inv.name}` : inv.name,
    reason: reply?.reason,
    note: reply?.note,
    substitute: sub && {
      ...sub,
      ...(subInv?.reply?.status === "attending" || subInv?.reply?.status === "absent" ? { reply: subInv.reply.status } : {}),
      ...(subInv?.reply?.reason ? { reason: subInv.reply.reason } : {}),
    },
    ...(seat.substituteAbsent ? { substituteAbsent: true } : {}),
    ...(suppression ? { suppressed: suppression } : {}),
    repliedAt: reply?.at,
    repliedBy: reply?.by,
  };
}

/**
 * The reply board: one line per invited person grouped per organisation, with totals. The seat
 * counts (seats, attending, substitute, absent, noAnswer) and a kommune's "answered" follow the
 * seat rule (seats.ts); `others` counts the people invited without a seat.
 */
export function groupRepliesByOrganisation(invitations: Invitation[], suppressed: Map<string, Suppression>) {
  const groups = new Map<string, { organisationId?: string; organisation: string; seats: SeatView[] }>();
  for (const seat of seatsOf(invitations)) {
    const inv = seat.invitation;
    const name = inv.organisationName ?? "Uten organisasjon";
    const group = groups.get(name) ?? { organisationId: inv.organisationId, organisation: name, seats: [] };
    group.seats.push(seatView(seat, suppressed));
    groups.set(name, group);
  }
  const organisations = [...groups.values()]
    .sort((a, b) => a.organisation.localeCompare(b.organisation, "nb"))
    .map((o) => ({ ...o, answered: seatsAnswered(o.seats.map((s) => ({ holdsSeat: s.holdsSeat, state: stateOf(s) }))) }));
  const lines = organisations.flatMap((o) => o.seats);
  const seats = lines.filter((s) => s.holdsSeat);
  const count = (status: SeatStatus) => seats.filter((x) => x.status === status).length;
  return {
    organisations,
    totals: {
      seats: seats.length,
      attending: count("attending"),
      substitute: count("substitute"),
      varaCalled: count("vara_called"),
      absent: count("absent"),
      noAnswer: count("no_answer"),
      bounced: lines.filter((x) => x.status === "bounced").length,
      others: lines.length - seats.length,
      organisationsAnswered: organisations.filter((o) => o.answered).length,
      organisations: organisations.length,
    },
  };
}

/** A line's seat state again ("bounced" is an unanswered seat whose address is suppressed). */
const stateOf = (s: SeatView) => (s.status === "bounced" || s.status === "withdrawn" ? "no_answer" : s.status);
