// The secretariat's reply input and the per-kommune reply board (a pure grouping of the invitations).
import { z } from "zod";
import type { Invitation, Reply } from "../model.js";

/** The same, as JSON from the secretariat (recordReply), for one invitation. */
export const RecordReplyInput = z.strictObject({
  invitationId: z.string().min(1),
  status: z.enum(["attending", "absent", "substitute"]),
  reason: z.string().trim().max(500).optional(),
  substitute: z
    .strictObject({ name: z.string().trim().min(1).max(200), email: z.email().max(254), role: z.string().max(200).optional() })
    .optional(),
  note: z.string().trim().max(500).optional(),
});

export type SeatStatus = "attending" | "absent" | "substitute" | "no_answer" | "bounced" | "withdrawn";

export interface SeatView {
  invitationId: string;
  name: string;
  email: string;
  role: string;
  status: SeatStatus;
  label: string;
  reason?: string;
  substitute?: { name: string; email: string; invitationId: string; held?: boolean };
  repliedAt?: string;
  repliedBy?: string;
}

/** The reply board: seats grouped per organisation, with totals. */
export function groupRepliesByOrganisation(invitations: Invitation[], bouncedEmails: Set<string>) {
  const seats = invitations.filter((i) => !i.substituteFor && !i.withdrawn);
  const groups = new Map<string, { organisationId?: string; organisation: string; seats: SeatView[] }>();
  for (const inv of seats) {
    const name = inv.organisationName ?? "Uten organisasjon";
    const group = groups.get(name) ?? { organisationId: inv.organisationId, organisation: name, seats: [] };
    const reply: Reply | undefined = inv.reply;
    let status: SeatStatus = reply ? reply.status : "no_answer";
    if (!reply && bouncedEmails.has(inv.email.toLowerCase())) status = "bounced";
    group.seats.push({
      invitationId: inv.id,
      name: inv.name,
      email: inv.email,
      role: inv.role,
      status,
      label: reply?.status === "substitute" && reply.substitute ? `${reply.substitute.name} for ${inv.name}` : inv.name,
      reason: reply?.reason,
      substitute: reply?.substitute,
      repliedAt: reply?.at,
      repliedBy: reply?.by,
    });
    groups.set(name, group);
  }
  const organisations = [...groups.values()].sort((a, b) => a.organisation.localeCompare(b.organisation, "nb"));
  const all = organisations.flatMap((o) => o.seats);
  const count = (s: SeatStatus) => all.filter((x) => x.status === s).length;
  return {
    organisations: organisations.map((o) => ({
      ...o,
      answered: o.seats.every((s) => s.status !== "no_answer" && s.status !== "bounced"),
    })),
    totals: {
      seats: all.length,
      attending: count("attending"),
      substitute: count("substitute"),
      absent: count("absent"),
      noAnswer: count("no_answer"),
      bounced: count("bounced"),
      organisationsAnswered: organisations.filter((o) => o.seats.every((s) => s.status !== "no_answer" && s.status !== "bounced"))
        .length,
      organisations: organisations.length,
    },
  };
}
