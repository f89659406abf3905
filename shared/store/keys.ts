// Every key of the single table (PK/SK) and every GSI entry (GSI1PK/GSI1SK, GSI2PK/GSI2SK), and the record ids.
import { createHash } from "node:crypto";
import { monotonicFactory } from "ulid";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * Key layout of the single table. Access patterns (DESIGN §5):
 * - a meeting with its agenda, attachments, invitations, replies, minutes: Query PK = MEETING#id
 * - a body's meetings by date: GSI1 PK = BODY#id#MEETINGS, SK = startsAt#id
 * - a meeting's sends, oldest first: GSI1 PK = MEETING#id#SENDS, SK = createdAt
 * - the next sak number of a body for a year: PK = BODY#id, SK = CASECOUNTER#year (transaction)
 * - a person by email: PK = EMAIL#email; a delivery from its SES message id: GSI1 PK = SESMSG#id
 * - every organisation, body, user, API token: GSI1 PK = ORGS / BODIES / USERS / TOKENS
 * - due jobs by time: GSI2 PK = JOBS#pending, SK = dueAt#id
 */
export const keys = {
  organisation: (id: string) => ({ PK: `ORG#${id}`, SK: "ORG" }),
  organisationsEntry: (name: string, id: string) => ({ GSI1PK: "ORGS", GSI1SK: `${name.toLowerCase()}#${id}` }),
  organisationsIndex: "ORGS",
  person: (id: string) => ({ PK: `PERSON#${id}`, SK: "PERSON" }),
  personEmail: (email: string) => ({ PK: `EMAIL#${email.toLowerCase()}`, SK: "EMAIL" }),
  body: (id: string) => ({ PK: `BODY#${id}`, SK: "BODY" }),
  bodiesEntry: (name: string, id: string) => ({ GSI1PK: "BODIES", GSI1SK: `${name.toLowerCase()}#${id}` }),
  bodiesIndex: "BODIES",
  member: (bodyId: string, memberId: string) => ({ PK: `BODY#${bodyId}`, SK: `MEMBER#${memberId}` }),
  memberPrefix: "MEMBER#",
  caseCounter: (bodyId: string, year: number) => ({ PK: `BODY#${bodyId}`, SK: `CASECOUNTER#${year}` }),
  meeting: (id: string) => ({ PK: `MEETING#${id}`, SK: "MEETING" }),
  bodyMeetingsEntry: (bodyId: string, startsAt: string, meetingId: string) => ({
    GSI1PK: `BODY#${bodyId}#MEETINGS`,
    GSI1SK: `${startsAt}#${meetingId}`,
  }),
  bodyMeetingsIndex: (bodyId: string) => `BODY#${bodyId}#MEETINGS`,
  agendaItem: (meetingId: string, itemId: string) => ({ PK: `MEETING#${meetingId}`, SK: `ITEM#${itemId}` }),
  agendaItemPrefix: "ITEM#",
  attachment: (meetingId: string, n: number) => ({ PK: `MEETING#${meetingId}`, SK: `ATT#${pad(n, 4)}` }),
  attachmentPrefix: "ATT#",
  attachmentCounter: (meetingId: string) => ({ PK: `MEETING#${meetingId}`, SK: "ATTCOUNTER" }),
  /** The marker of a recorded upload: one per upload key (hashed: the key is the client's), holding the number it got. */
  uploadMarker: (meetingId: string, uploadKey: string) => ({
    PK: `MEETING#${meetingId}`,
    SK: `UPLOAD#${createHash("sha256").update(uploadKey).digest("hex")}`,
  }),
  /** Marks that a meeting version's preview has been rendered (the send page waits for it). */
  preview: (meetingId: string, version: number) => ({ PK: `MEETING#${meetingId}`, SK: `PREVIEW#${version}` }),
  invitation: (meetingId: string, invitationId: string) => ({ PK: `MEETING#${meetingId}`, SK: `INV#${invitationId}` }),
  invitationPrefix: "INV#",
  replyLog: (meetingId: string, invitationId: string, version: number) => ({
    PK: `MEETING#${meetingId}`,
    SK: `REPLYLOG#${invitationId}#${pad(version, 6)}`,
  }),
  replyLogPrefix: (invitationId: string) => `REPLYLOG#${invitationId}#`,
  replyLogsPrefix: "REPLYLOG#",
  minutes: (meetingId: string) => ({ PK: `MEETING#${meetingId}`, SK: "MINUTES" }),
  minutesVersion: (meetingId: string, v: number) => ({ PK: `MEETING#${meetingId}`, SK: `MINUTESV#${pad(v, 4)}` }),
  snapshot: (meetingId: string, version: number) => ({ PK: `SNAPSHOT#${meetingId}`, SK: `V#${pad(version, 6)}` }),
  send: (sendId: string) => ({ PK: `SEND#${sendId}`, SK: "SEND" }),
  /** The email of a send, prepared once (rendered, MIME with slots), beside the send. */
  sendEmail: (sendId: string) => ({ PK: `SEND#${sendId}`, SK: "EMAIL" }),
  meetingSendsEntry: (meetingId: string, createdAt: string) => ({ GSI1PK: `MEETING#${meetingId}#SENDS`, GSI1SK: createdAt }),
  meetingSendsIndex: (meetingId: string) => `MEETING#${meetingId}#SENDS`,
  delivery: (sendId: string, deliveryId: string) => ({ PK: `SEND#${sendId}`, SK: `DLV#${deliveryId}` }),
  deliveryPrefix: "DLV#",
  sesMessageEntry: (messageId: string) => ({ GSI1PK: `SESMSG#${messageId}`, GSI1SK: "DLV" }),
  sesMessageIndex: (messageId: string) => `SESMSG#${messageId}`,
  idempotency: (scope: string, key: string) => ({ PK: `IDEMP#${scope}#${key}`, SK: "IDEMP" }),
  rateWindow: (scope: string, subject: string, window: string | number) => ({
    PK: `RATE#${scope}#${subject.toLowerCase()}`,
    SK: `W#${window}`,
  }),
  job: (id: string) => ({ PK: `JOB#${id}`, SK: "JOB" }),
  pendingJobEntry: (dueAt: string, id: string) => ({ GSI2PK: "JOBS#pending", GSI2SK: `${dueAt}#${id}` }),
  pendingJobsIndex: "JOBS#pending",
  user: (email: string) => ({ PK: `USER#${email.toLowerCase()}`, SK: "USER" }),
  usersEntry: (email: string) => ({ GSI1PK: "USERS", GSI1SK: email }),
  usersIndex: "USERS",
  loginLink: (hash: string) => ({ PK: `LOGIN#${hash}`, SK: "LOGIN" }),
  session: (hash: string) => ({ PK: `SESSION#${hash}`, SK: "SESSION" }),
  apiToken: (hash: string) => ({ PK: `TOKEN#${hash}`, SK: "TOKEN" }),
  /** Every API token by id (GSI1 PK; SK = the token's id): list them and revoke one without its plaintext. */
  apiTokensEntry: (id: string) => ({ GSI1PK: "TOKENS", GSI1SK: id }),
  apiTokensIndex: "TOKENS",
  /** Never written: the health check reads it to see that the table answers. */
  health: { PK: "HEALTH", SK: "HEALTH" },
};

const ulid = monotonicFactory();
/** Sortable, unguessable-enough ids (80 random bits) for records; personal links add an HMAC on top. */
export const newId = (): string => ulid().toLowerCase();

/** Strips the key attributes off a stored item before it is validated as a domain record. */
export function withoutKeys<T extends Record<string, unknown>>(
  item: T,
): Omit<T, "PK" | "SK" | "GSI1PK" | "GSI1SK" | "GSI2PK" | "GSI2SK" | "expiresAt"> {
  const { PK, SK, GSI1PK, GSI1SK, GSI2PK, GSI2SK, expiresAt, ...rest } = item;
  return rest;
}
