// Who attended, as the first draft of the referat tells it from the replies, and how the lists read.

import { seatsOf } from "../invitations/index.js";
import type { Attendee, Invitation, Member } from "../model.js";

/**
 * Present and absent from the replies, by the invitations' seat rule (seatsOf): only a member's seat
 * can be "forfall" (the member said so, did not answer, or their substitute cannot come). Deputies,
 * observers and other invited people are present when they said they would come, else not listed.
 */
export function attendanceFromReplies(invitations: Invitation[]): { present: Attendee[]; absent: Attendee[] } {
  const present: Attendee[] = [];
  const absent: Attendee[] = [];
  for (const seat of seatsOf(invitations)) {
    const inv = seat.invitation;
    const self: Attendee = { name: inv.name, organisation: inv.organisationName };
    if (seat.state === "attending") present.push(self);
    else if (seat.state === "substitute" && inv.reply?.substitute) {
      present.push({ name: inv.reply.substitute.name, organisation: inv.organisationName, substituteFor: inv.name });
    } else if (seat.holdsSeat) absent.push(self);
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
