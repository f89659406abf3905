import { monotonicFactory } from "ulid";

/**
 * Key layout of the single table. Access patterns (DESIGN §5):
 * - a meeting with its agenda, attachments, invitations and replies: Query PK = MEETING#id
 * - a body's meetings by date: GSI1 PK = BODY#id#MEETINGS, SK = startsAt
 * - the next sak number of a body for a year: PK = BODY#id, SK = CASECOUNTER#year (transaction)
 * - a person by email: PK = EMAIL#email; a delivery from its SES message id: GSI1 PK = SESMSG#id
 * - due jobs by time: GSI2 PK = JOBS#pending, SK = dueAt
 */
export const keys = {
  organisation: (id: string) => ({ PK: `ORG#${id}`, SK: "ORG" }),
  organisationsIndex: "ORGS",
  person: (id: string) => ({ PK: `PERSON#${id}`, SK: "PERSON" }),
  personEmail: (email: string) => ({ PK: `EMAIL#${email.toLowerCase()}`, SK: "EMAIL" }),
  body: (id: string) => ({ PK: `BODY#${id}`, SK: "BODY" }),
  bodiesIndex: "BODIES",
  member: (bodyId: string, memberId: string) => ({ PK: `BODY#${bodyId}`, SK: `MEMBER#${memberId}` }),
  caseCounter: (bodyId: string, year: number) => ({ PK: `BODY#${bodyId}`, SK: `CASECOUNTER#${year}` }),
  meeting: (id: string) => ({ PK: `MEETING#${id}`, SK: "MEETING" }),
  bodyMeetingsIndex: (bodyId: string) => `BODY#${bodyId}#MEETINGS`,
  agendaItem: (meetingId: string, itemId: string) => ({ PK: `MEETING#${meetingId}`, SK: `ITEM#${itemId}` }),
  attachment: (meetingId: string, n: number) => ({ PK: `MEETING#${meetingId}`, SK: `ATT#${String(n).padStart(4, "0")}` }),
  attachmentCounter: (meetingId: string) => ({ PK: `MEETING#${meetingId}`, SK: "ATTCOUNTER" }),
  invitation: (meetingId: string, invitationId: string) => ({ PK: `MEETING#${meetingId}`, SK: `INV#${invitationId}` }),
  replyLog: (meetingId: string, invitationId: string, version: number) => ({
    PK: `MEETING#${meetingId}`,
    SK: `REPLYLOG#${invitationId}#${String(version).padStart(6, "0")}`,
  }),
  send: (sendId: string) => ({ PK: `SEND#${sendId}`, SK: "SEND" }),
  delivery: (sendId: string, deliveryId: string) => ({ PK: `SEND#${sendId}`, SK: `DLV#${deliveryId}` }),
  sesMessageIndex: (messageId: string) => `SESMSG#${messageId}`,
  idempotency: (scope: string, key: string) => ({ PK: `IDEMP#${scope}#${key}`, SK: "IDEMP" }),
  job: (id: string) => ({ PK: `JOB#${id}`, SK: "JOB" }),
  pendingJobsIndex: "JOBS#pending",
  user: (email: string) => ({ PK: `USER#${email.toLowerCase()}`, SK: "USER" }),
  usersIndex: "USERS",
  loginLink: (hash: string) => ({ PK: `LOGIN#${hash}`, SK: "LOGIN" }),
  session: (hash: string) => ({ PK: `SESSION#${hash}`, SK: "SESSION" }),
  apiToken: (hash: string) => ({ PK: `TOKEN#${hash}`, SK: "TOKEN" }),
  /** Every API token by id (GSI1 PK; SK = the token's id): list them and revoke one without its plaintext. */
  apiTokensIndex: "TOKENS",
};

const ulid = monotonicFactory();
/** Sortable, unguessable-enough ids (80 random bits) for records; personal links add an HMAC on top. */
export const newId = (): string => ulid().toLowerCase();

/** Strips the key attributes off a stored item before it is validated as a domain record. */
export function withoutKeys<T extends Record<string, unknown>>(item: T): Omit<T, "PK" | "SK" | "GSI1PK" | "GSI1SK" | "GSI2PK" | "GSI2SK" | "expiresAt"> {
  const { PK, SK, GSI1PK, GSI1SK, GSI2PK, GSI2SK, expiresAt, ...rest } = item;
  return rest;
}
