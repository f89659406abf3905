// Who attended, as the first draft of the referat tells it from the replies, and how the lists read.

import type { Attendee, Invitation, Member } from "../model.js";

/**
 * Present and absent from the replies. Only a member's seat can be "forfall": it is absent when the
 * member said so, did not answer, or their substitute cannot come. Deputies, observers and other
 * invited people are present when they said they would come, and otherwise not listed.
 * (A local seat rule; the invitations domain has its own for the board, to be unified.)
 */
export function attendanceFromReplies(invitations: Invitation[]): { present: Attendee[]; absent: Attendee[] } {
  const liveSubstitute = new Map<string, Invitation>();
  for (const inv of invitations) if (inv.substituteFor && !inv.withdrawn) liveSubstitute.set(inv.substituteFor.invitationId, inv);
  const present: Attendee[] = [];
  const absent: Attendee[] = [];
  for (const inv of invitations) {
    if (inv.withdrawn || inv.substituteFor) continue;
    const self: Attendee = { name: inv.name, organisation: inv.organisationName };
    const reply = inv.reply;
    const seatHolder = inv.role === "member";
    if (reply?.status === "attending") present.push(self);
    else if (reply?.status === "substitute" && reply.substitute) {
      // The substitute's own "cannot come" leaves the seat empty after all.
      if (liveSubstitute.get(inv.id)?.reply?.status === "absent") {
        if (seatHolder) absent.push(self);
      } else present.push({ name: reply.substitute.name, organisation: inv.organisationName, substituteFor: inv.name });
    } else if (seatHolder) absent.push(self);
  }
  return { present, absent };
}

/** The secretariat as the body lists it (in the order they were added), with their organisations. */
export function secretariatOf(members: Member[], fallbackName: string): Attendee[] {
  const list = members
    .filter((m) => m.role === "secretariat")
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((m) => ({ name: m.personName, organisation: m.organisationName }));
  return list.length ? list : [{ name: fallbackName }];
}

/** "A", "A og B", "A, B og C". */
const listed = (names: string[]) => (names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} og ${names.at(-1)}`);

/**
 * The secretariat line, people grouped by organisation in the order first named:
 * "Nina Solberg og Lena Hansson, Vestregionen, Kari Nordmann, Bærum".
 */
export function secretariatLine(people: Attendee[]): string {
  const groups = new Map<string, string[]>();
  for (const p of people) groups.set(p.organisation ?? "", [...(groups.get(p.organisation ?? "") ?? []), p.name]);
  return [...groups].map(([org, names]) => (org ? `${listed(names)}, ${org}` : listed(names))).join(", ");
}

/** Formats an attendee as in seed 001: "Erik Kjeldstadli, Bærum" / "Kari Solberg Økland for Trond Julin, Drammen". */
export function attendeeLine(a: Attendee): string {
  return `${a.name}${a.substituteFor ? ` for ${a.substituteFor}` : ""}${a.organisation ? `, ${a.organisation}` : ""}`;
}
