// The records the app keeps (organisations, people, bodies, meetings, agenda, invitations, jobs, minutes) as zod schemas.
import { z } from "zod";

/**
 * The domain records (see the glossary in DESIGN.md: English in code, Norwegian in the interface).
 * These schemas validate what is stored and read back, so a malformed item is caught at the edge.
 */
export const organisationKind = z.enum(["kommune", "fylkeskommune", "annen"]);
export const Organisation = z.object({
  id: z.string(),
  name: z.string(),
  kind: organisationKind,
  region: z.string().optional(),
  orgNumber: z.string().optional(),
});
export type Organisation = z.infer<typeof Organisation>;

export const Person = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  title: z.string().optional(),
  /** Set when SES reported a permanent bounce for this address. */
  bouncedAt: z.string().optional(),
});
export type Person = z.infer<typeof Person>;

const Secretariat = z.object({ name: z.string(), email: z.string(), phone: z.string().optional() });
export const Body = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  secretariat: Secretariat,
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
});
export type Member = z.infer<typeof Member>;

export const meetingKind = z.enum(["physical", "digital", "hybrid"]);
const meetingStatus = z.enum(["draft", "invited", "held", "minutes_approved", "minutes_sent", "cancelled"]);
export const Meeting = z.object({
  id: z.string(),
  bodyId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  kind: meetingKind,
  replyDeadline: z.string().optional(),
  status: meetingStatus,
  /** Increases on every change that shows in the invitation (cache key for the rendered MJML). */
  version: z.number().int(),
  /** iCalendar SEQUENCE of the last invitation sent; an update after a change sends SEQUENCE+1. */
  sequence: z.number().int(),
  /** The meeting version the last invitation was sent at; a later version means the next send is an update. */
  invitedVersion: z.number().int().optional(),
  published: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Meeting = z.infer<typeof Meeting>;

const SubItem = z.object({ letter: z.string(), title: z.string(), bullets: z.array(z.string()) });
export const agendaItemKind = z.enum(["decision", "information", "opening", "closing"]);
export const AgendaItem = z.object({
  id: z.string(),
  meetingId: z.string(),
  /** "12/2017"; null for the fixed opening and closing items, which carry no case number. */
  number: z.string().nullable(),
  title: z.string(),
  kind: agendaItemKind,
  background: z.string().optional(),
  proposedDecision: z.string().optional(),
  subItems: z.array(SubItem),
  attachmentNumbers: z.array(z.number().int()),
  order: z.number(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Attachment = z.object({
  meetingId: z.string(),
  number: z.number().int(),
  title: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  blobKey: z.string(),
  /** Exempt from publication (offentleglova): never shown in the public archive. */
  exempt: z.boolean(),
  uploadedAt: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

const replyStatus = z.enum(["attending", "absent", "substitute"]);
export const Reply = z.object({
  status: replyStatus,
  /** Forfall: optional reason. */
  reason: z.string().optional(),
  substitute: z
    .object({
      name: z.string(),
      email: z.string(),
      invitationId: z.string(),
      role: z.string().optional(),
      /** Not emailed: the member changed substitute address too often (no open relay); the secretariat follows up. */
      held: z.boolean().optional(),
    })
    .optional(),
  at: z.string(),
  /** "participant", or the secretariat user who recorded it ("secretariat:nina@…"). */
  by: z.string(),
});
export type Reply = z.infer<typeof Reply>;

/** One person's invitation to one meeting; the personal link points here. */
export const Invitation = z.object({
  id: z.string(),
  meetingId: z.string(),
  personId: z.string().optional(),
  name: z.string(),
  email: z.string(),
  organisationId: z.string().optional(),
  organisationName: z.string().optional(),
  role: z.string(),
  /** Set on a substitute's invitation: whom they replace. */
  substituteFor: z.object({ invitationId: z.string(), name: z.string() }).optional(),
  linkVersion: z.number().int(),
  /** Withdrawn: removed from the list, or a substitute no longer needed. */
  withdrawn: z.boolean(),
  /**
   * A substitute named past the address limit: never emailed by the system (no whole-list send,
   * no "no longer needed" notice) until the secretariat sends to them by name.
   */
  held: z.boolean().optional(),
  reply: Reply.optional(),
  replyVersion: z.number().int(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof Invitation>;

/** A scheduled job (reminder, minutes distribution, requeue, a reply's outbox), stored in the table until it has run. */
const jobKind = z.enum(["reminder", "minutes-distribution", "requeue-send", "reply-emails"]);
export type JobKind = z.infer<typeof jobKind>;

export const Job = z.object({
  id: z.string(),
  kind: jobKind,
  dueAt: z.string(),
  payload: z.record(z.string(), z.unknown()),
  status: z.enum(["pending", "running", "done", "failed", "cancelled"]),
  attempts: z.number().int(),
  claimedAt: z.string().optional(),
  claimId: z.string().optional(),
  lastError: z.string().optional(),
  finishedAt: z.string().optional(),
  createdAt: z.string(),
});
export type Job = z.infer<typeof Job>;

/** Minutes (referat) of a meeting: one current record, and every saved version kept beside it. */
export const Attendee = z.object({
  name: z.string().trim().min(1).max(200),
  organisation: z.string().trim().max(200).optional(),
  /** For a substitute: the member they replaced ("Kari Solberg Økland for Trond Julin"). */
  substituteFor: z.string().trim().max(200).optional(),
});
export type Attendee = z.infer<typeof Attendee>;

const MinutesItem = z.object({
  itemId: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  text: z.string().max(20_000).optional(),
  decision: z.string().max(5_000).optional(),
  status: z.enum(["decided", "noted", "postponed"]),
});

export const Minutes = z.object({
  meetingId: z.string(),
  version: z.number().int(),
  status: z.enum(["draft", "approved"]),
  startedAt: z.string(),
  endedAt: z.string(),
  place: z.string(),
  present: z.array(Attendee),
  absent: z.array(Attendee),
  secretariat: z.array(z.string()),
  items: z.array(MinutesItem),
  approvedAt: z.string().optional(),
  approvedBy: z.string().optional(),
  correctionReason: z.string().optional(),
  scheduledJobId: z.string().optional(),
  scheduledFor: z.string().optional(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Minutes = z.infer<typeof Minutes>;
