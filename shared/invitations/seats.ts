// Who holds a kommune's seat, and whether it is answered: the one rule the board, its totals and the attendance CSV read.
import type { Invitation } from "../model.js";

type SeatState = "attending" | "substitute" | "vara_called" | "absent" | "no_answer";

export interface Seat {
  invitation: Invitation;
  /** Only a member holds a seat; deputies, observers and others are invited beside the seats. */
  holdsSeat: boolean;
  state: SeatState;
  /** The substitute the member named, while named (their own invitation). */
  substitute?: Invitation;
  /** The named substitute sent forfall: nobody holds the seat. */
  substituteAbsent?: boolean;
}

/** A seat is a member's own invitation (not a substitute's, not withdrawn). */
const holdsSeat = (inv: Invitation): boolean => inv.role === "member" && !inv.substituteFor && !inv.withdrawn;

/**
 * The rule, in one place. Every invitation on the list (not withdrawn, not a substitute's own
 * invitation) is one line, in the order given:
 * - a member's seat is answered when the member answered, or the substitute they named did; the
 *   substitute's own reply decides the seat: "kommer" keeps it held by the substitute, forfall
 *   leaves it absent. The member's reply stays "sender stedfortreder" (that was their answer, and
 *   they may still change it: come themselves or name someone else);
 * - a vara called in on the member's forfall (vara call-in) leaves the seat «vara innkalt» until the
 *   vara answers: «kommer» holds it as a substitute does, forfall leaves it absent;
 * - deputies and observers have their own reply, but hold no seat: an unanswered one never makes
 *   a seat (or its kommune) "ikke svart".
 */
export function seatsOf(invitations: Invitation[]): Seat[] {
  const byId = new Map(invitations.map((i) => [i.id, i]));
  return invitations
    .filter((i) => !i.withdrawn && !i.substituteFor)
    .map((inv) => {
      const named = inv.reply?.status === "substitute" ? inv.reply.substitute?.invitationId : undefined;
      const sub = named ? byId.get(named) : undefined;
      const substitute = sub && !sub.withdrawn ? sub : undefined;
      const substituteAbsent = substitute?.reply?.status === "absent";
      // A vara called in holds the seat once they answer «kommer»; until then the seat says «vara innkalt».
      const varaWaiting = inv.reply?.substitute?.vara === true && substitute !== undefined && !substitute.reply;
      const state: SeatState = !inv.reply
        ? "no_answer"
        : substituteAbsent
          ? "absent"
          : varaWaiting
            ? "vara_called"
            : inv.reply.status;
      return { invitation: inv, holdsSeat: holdsSeat(inv), state, substitute, ...(substituteAbsent ? { substituteAbsent } : {}) };
    });
}

/** A kommune has answered when none of its seats is unanswered (people without a seat do not count). */
export const seatsAnswered = (seats: Pick<Seat, "holdsSeat" | "state">[]): boolean =>
  seats.every((s) => !s.holdsSeat || s.state !== "no_answer");
