// Organisations, people, bodies and their members (the distribution lists) in the table.

import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";
import type { z } from "zod";
import { ConflictError, InvalidError, NotFoundError } from "../errors.js";
import { t } from "../i18n/nb.js";
import type {
  AddMemberInput,
  CreateBodyInput,
  CreateOrganisationInput,
  CreatePersonInput,
  MemberCsvRow,
  UpdateBodyInput,
  UpdateMemberInput,
  UpdateOrganisationInput,
} from "../inputs.js";
import { Body, Member, Organisation, Person } from "../model.js";
import { type Db, isConditionFailure, queryAll } from "./db.js";
import { keys, newId, withoutKeys } from "./keys.js";
import { GSI } from "./table-schema.js";

export async function createOrganisation(d: Db, input: z.infer<typeof CreateOrganisationInput>): Promise<Organisation> {
  const org: Organisation = { id: newId(), ...input };
  await d.db.send(
    new PutCommand({
      TableName: d.tableName,
      Item: { ...keys.organisation(org.id), ...keys.organisationsEntry(org.name, org.id), ...org },
    }),
  );
  return org;
}

export async function listOrganisations(d: Db): Promise<Organisation[]> {
  const items = await queryAll(d, {
    IndexName: GSI.lookups,
    KeyConditionExpression: "GSI1PK = :pk",
    ExpressionAttributeValues: { ":pk": keys.organisationsIndex },
  });
  return items.map((i) => Organisation.parse(withoutKeys(i)));
}

async function getOrganisation(d: Db, id: string): Promise<Organisation> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.organisation(id) }));
  if (!out.Item) throw new NotFoundError(`organisasjonen ${id}`);
  return Organisation.parse(withoutKeys(out.Item));
}

/** Sets or clears a kommune's postmottak (null clears). */
export async function updateOrganisation(
  d: Db,
  id: string,
  change: z.infer<typeof UpdateOrganisationInput>,
): Promise<Organisation> {
  const { postmottak, ...rest } = await getOrganisation(d, id);
  const next: Organisation = {
    ...rest,
    ...(change.postmottak !== undefined ? withValue("postmottak", change.postmottak) : { postmottak }),
  };
  await d.db.send(
    new PutCommand({
      TableName: d.tableName,
      Item: { ...keys.organisation(next.id), ...keys.organisationsEntry(next.name, next.id), ...next },
    }),
  );
  return next;
}

/** `{ key: value }`, or nothing when the value is null (a cleared field is left out of the record). */
const withValue = <K extends string, V>(key: K, value: V | null) => (value === null ? {} : ({ [key]: value } as Record<K, V>));

/** Creates a person; the email is unique (guarded by an EMAIL# item in the same transaction). */
export async function createPerson(d: Db, input: z.infer<typeof CreatePersonInput>): Promise<Person> {
  const person: Person = { id: newId(), ...input };
  try {
    await d.db.send(new TransactWriteCommand({ TransactItems: personPuts(d, person) }));
  } catch (err) {
    if (isConditionFailure(err)) throw new ConflictError(t.rules.personExists(input.email));
    throw err;
  }
  return person;
}

function personPuts(d: Db, person: Person) {
  return [
    {
      Put: {
        TableName: d.tableName,
        Item: { ...keys.person(person.id), ...person },
        ConditionExpression: "attribute_not_exists(PK)",
      },
    },
    {
      Put: {
        TableName: d.tableName,
        Item: { ...keys.personEmail(person.email), personId: person.id },
        ConditionExpression: "attribute_not_exists(PK)",
      },
    },
  ];
}

export async function getPerson(d: Db, id: string): Promise<Person> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.person(id) }));
  if (!out.Item) throw new NotFoundError(`personen ${id}`);
  return Person.parse(withoutKeys(out.Item));
}

async function findPersonByEmail(d: Db, email: string): Promise<Person | undefined> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.personEmail(email) }));
  if (!out.Item) return undefined;
  return getPerson(d, String(out.Item.personId));
}

export async function createBody(d: Db, input: z.infer<typeof CreateBodyInput>): Promise<Body> {
  const body: Body = { id: newId(), ...input };
  await d.db.send(
    new PutCommand({
      TableName: d.tableName,
      Item: { ...keys.body(body.id), ...keys.bodiesEntry(body.name, body.id), ...body },
    }),
  );
  return body;
}

export async function listBodies(d: Db): Promise<Body[]> {
  const items = await queryAll(d, {
    IndexName: GSI.lookups,
    KeyConditionExpression: "GSI1PK = :pk",
    ExpressionAttributeValues: { ":pk": keys.bodiesIndex },
  });
  return items.map((i) => Body.parse(withoutKeys(i)));
}

export async function getBody(d: Db, id: string): Promise<Body> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.body(id) }));
  if (!out.Item) throw new NotFoundError(`organet ${id}`);
  return Body.parse(withoutKeys(out.Item));
}

/** Changes a body's name or settings (null clears the escalation). */
export async function updateBody(d: Db, id: string, change: z.infer<typeof UpdateBodyInput>): Promise<Body> {
  const current = await getBody(d, id);
  const { escalationDaysBeforeDeadline, ...rest } = change;
  const next: Body = { ...current, ...definedOnly(rest) };
  if (escalationDaysBeforeDeadline === null) delete next.escalationDaysBeforeDeadline;
  else if (escalationDaysBeforeDeadline !== undefined) next.escalationDaysBeforeDeadline = escalationDaysBeforeDeadline;
  await d.db.send(
    new PutCommand({ TableName: d.tableName, Item: { ...keys.body(next.id), ...keys.bodiesEntry(next.name, next.id), ...next } }),
  );
  return next;
}

const definedOnly = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

export async function listMembers(d: Db, bodyId: string): Promise<Member[]> {
  const items = await queryAll(d, {
    KeyConditionExpression: "PK = :pk AND begins_with(SK, :sk)",
    ExpressionAttributeValues: { ":pk": keys.body(bodyId).PK, ":sk": keys.memberPrefix },
  });
  return items.map((i) => Member.parse(withoutKeys(i))).sort(byOrganisationThenName);
}

/** By organisation (members without one last), then by name, in Norwegian order. */
const byOrganisationThenName = (a: Member, b: Member) =>
  Number(!a.organisationName) - Number(!b.organisationName) ||
  (a.organisationName ?? "").localeCompare(b.organisationName ?? "", "nb") ||
  a.personName.localeCompare(b.personName, "nb");

export async function addMember(d: Db, bodyId: string, input: z.infer<typeof AddMemberInput>): Promise<Member> {
  await getBody(d, bodyId);
  const person = input.personId ? await getPerson(d, input.personId) : await findOrCreatePerson(d, input.person!);
  const org = input.organisationId ? await getOrganisation(d, input.organisationId) : undefined;
  const existing = (await listMembers(d, bodyId)).find((m) => m.personId === person.id);
  if (existing) throw new ConflictError(t.rules.alreadyMember(person.name));
  const member: Member = {
    id: newId(),
    bodyId,
    personId: person.id,
    organisationId: org?.id,
    role: input.role,
    personName: person.name,
    personEmail: person.email,
    organisationName: org?.name,
  };
  await d.db.send(new PutCommand({ TableName: d.tableName, Item: { ...keys.member(bodyId, member.id), ...member } }));
  return member;
}

async function findOrCreatePerson(d: Db, input: z.infer<typeof CreatePersonInput>): Promise<Person> {
  return (await findPersonByEmail(d, input.email)) ?? createPerson(d, input);
}

export type CsvRow = z.infer<typeof MemberCsvRow>;

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Writes a checked distribution list (the directory domain has planned and checked every row):
 * people are found or created by email, memberships added or updated, in transactions.
 */
export async function writeMemberList(d: Db, bodyId: string, rows: CsvRow[]): Promise<ImportCounts> {
  const orgs = await listOrganisations(d);
  const orgByName = new Map(orgs.map((o) => [o.name.toLowerCase(), o]));
  const members = await listMembers(d, bodyId);
  const memberByPerson = new Map(members.map((m) => [m.personId, m]));
  const writes: NonNullable<TransactWriteCommandInput["TransactItems"]> = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const row of rows) {
    let person = await findPersonByEmail(d, row.email);
    if (!person) {
      person = { id: newId(), name: row.name, email: row.email };
      writes.push(...personPuts(d, person));
    }
    const org = row.organisation ? orgByName.get(row.organisation.toLowerCase()) : undefined;
    const current = memberByPerson.get(person.id);
    const member: Member = {
      id: current?.id ?? newId(),
      bodyId,
      personId: person.id,
      organisationId: org?.id,
      role: row.role,
      personName: person.name,
      personEmail: person.email,
      organisationName: org?.name,
    };
    if (current && current.role === member.role && current.organisationId === member.organisationId) {
      unchanged++;
      continue;
    }
    if (current) updated++;
    else added++;
    writes.push({ Put: { TableName: d.tableName, Item: { ...keys.member(bodyId, member.id), ...member } } });
  }
  // DynamoDB allows 100 actions per transaction; a list larger than that is written in chunks.
  for (let i = 0; i < writes.length; i += 100) {
    await d.db.send(new TransactWriteCommand({ TransactItems: writes.slice(i, i + 100) }));
  }
  return { added, updated, unchanged };
}

async function getMember(d: Db, bodyId: string, memberId: string): Promise<Member> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.member(bodyId, memberId) }));
  if (!out.Item) throw new NotFoundError(`medlemmet ${memberId}`);
  return Member.parse(withoutKeys(out.Item));
}

/** Changes a member's role, organisation or personal vara (null clears). */
export async function updateMember(
  d: Db,
  bodyId: string,
  memberId: string,
  change: z.infer<typeof UpdateMemberInput>,
): Promise<Member> {
  const current = await getMember(d, bodyId, memberId);
  const next: Member = { ...current };
  if (change.role) next.role = change.role;
  if (change.organisationId !== undefined) {
    const org = change.organisationId ? await getOrganisation(d, change.organisationId) : undefined;
    next.organisationId = org?.id;
    next.organisationName = org?.name;
  }
  if (change.varaPersonId !== undefined) {
    const vara = change.varaPersonId ? await getPerson(d, change.varaPersonId) : undefined;
    if (vara && vara.id === current.personId) throw new InvalidError([{ field: "varaPersonId", message: t.rules.varaIsMember }]);
    next.varaPersonId = vara?.id;
    next.varaName = vara?.name;
    next.varaEmail = vara?.email;
  }
  await d.db.send(new PutCommand({ TableName: d.tableName, Item: { ...keys.member(bodyId, memberId), ...next } }));
  return next;
}

/** Removes a member from the list. Invitations already sent are withdrawn by the caller's meeting logic. */
export async function removeMember(d: Db, bodyId: string, memberId: string): Promise<void> {
  await d.db
    .send(
      new DeleteCommand({
        TableName: d.tableName,
        Key: keys.member(bodyId, memberId),
        ConditionExpression: "attribute_exists(PK)",
      }),
    )
    .catch((err) => {
      if (isConditionFailure(err)) throw new NotFoundError(`medlemmet ${memberId}`);
      throw err;
    });
}
