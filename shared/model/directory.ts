// Directory records: organisations, people, bodies and their members.
import { z } from "zod";

export const organisationKind = z.enum(["kommune", "fylkeskommune", "annen"]);
export const Organisation = z.object({
  id: z.string(),
  name: z.string(),
  kind: organisationKind,
  region: z.string().optional(),
  orgNumber: z.string().optional(),
  /** The kommune's post reception (for journaling): copies of innkalling and referat, and escalations. */
  postmottak: z.string().optional(),
});
export type Organisation = z.infer<typeof Organisation>;

export const Person = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  title: z.string().optional(),
  /** Set when SES reported a permanent bounce for this address. */
  bouncedAt: z.string().optional(),
  /** Set when the recipient reported an email as spam; like a bounce, later sends skip the address until it is corrected. */
  complainedAt: z.string().optional(),
});
export type Person = z.infer<typeof Person>;

const Secretariat = z.object({ name: z.string(), email: z.string(), phone: z.string().optional() });
/** The language a body's participants and the public read (emails, reply pages, PDF, archive). */
export const bodyLanguage = z.enum(["nb", "nn"]);
export type BodyLanguage = z.infer<typeof bodyLanguage>;
export const Body = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  secretariat: Secretariat,
  /** Absent: bokmål. */
  language: bodyLanguage.optional(),
  /** Copy the innkalling and the referat to each member organisation's postmottak. */
  postmottakCopies: z.boolean().optional(),
  /** Days before the reply deadline that unanswered seats are reported to their kommune's postmottak; absent: never. */
  escalationDaysBeforeDeadline: z.number().int().optional(),
  /** Invite a member's vara automatically when the member sends forfall without naming a substitute. */
  varaCallIn: z.boolean().optional(),
});
export type Body = z.infer<typeof Body>;

export const memberRole = z.enum(["member", "deputy", "observer", "secretariat"]);
export const Member = z.object({
  id: z.string(),
  bodyId: z.string(),
  personId: z.string(),
  organisationId: z.string().optional(),
  role: memberRole,
  // Denormalised for the distribution list and the reply board (one query, no joins).
  personName: z.string(),
  personEmail: z.string(),
  organisationName: z.string().optional(),
  /** The member's personal deputy (vara), denormalised like the person. */
  varaPersonId: z.string().optional(),
  varaName: z.string().optional(),
  varaEmail: z.string().optional(),
});
export type Member = z.infer<typeof Member>;
