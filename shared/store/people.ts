// A person's address in the table: flagged by SES events, corrected by the secretariat, read by a send.
import { GetCommand, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { ConflictError } from "../errors.js";
import { nbSending } from "../i18n/nb-sending.js";
import { Person } from "../model.js";
import { batchGet, type Db, isConditionFailure } from "./db.js";
import { getPerson, listBodies, listMembers } from "./directory.js";
import { keys, withoutKeys } from "./keys.js";

/**
 * Flags an address SES reported (a permanent bounce, a complaint). Conditional on the person still
 * having that address: a correction made meanwhile is not undone by a late event.
 */
export async function flagEmail(d: Db, email: string, flag: "bouncedAt" | "complainedAt", at: string): Promise<void> {
  const entry = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.personEmail(email) }));
  if (!entry.Item) return;
  const person = await getPerson(d, String(entry.Item.personId));
  if (person.email.toLowerCase() !== email.toLowerCase()) return;
  await d.db
    .send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: keys.person(person.id),
        UpdateExpression: "SET #f = :at",
        ConditionExpression: "attribute_exists(PK) AND email = :email",
        ExpressionAttributeNames: { "#f": flag },
        ExpressionAttributeValues: { ":at": at, ":email": person.email },
      }),
    )
    .catch((err) => {
      if (!isConditionFailure(err)) throw err;
    });
}

/** The people with these ids as they are now (current address and flags), by id. */
export async function getPeople(d: Db, ids: string[]): Promise<Map<string, Person>> {
  const items = await batchGet(
    d,
    [...new Set(ids)].map((id) => keys.person(id)),
  );
  return new Map(items.map((i) => Person.parse(withoutKeys(i))).map((p) => [p.id, p]));
}

/**
 * Corrects a person's name or address. A new address is unique (the EMAIL# item, moved in the
 * same transaction) and clears the bounce and complaint flags; the names and addresses copied onto
 * the person's member records follow.
 */
export async function updatePerson(d: Db, id: string, change: { name?: string; email?: string }): Promise<Person> {
  const current = await getPerson(d, id);
  const email = (change.email ?? current.email).toLowerCase();
  const moved = email !== current.email.toLowerCase();
  const next: Person = {
    ...current,
    name: change.name ?? current.name,
    email,
    // A new address has neither bounced nor been complained about (undefined fields are not written).
    ...(moved ? { bouncedAt: undefined, complainedAt: undefined } : {}),
  };
  const personItem = { ...keys.person(id), ...next };
  try {
    await d.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            // Conditional on the address read: a concurrent correction is not overwritten.
            Put: {
              TableName: d.tableName,
              Item: personItem,
              ConditionExpression: "email = :old",
              ExpressionAttributeValues: { ":old": current.email },
            },
          },
          ...(moved
            ? [
                { Delete: { TableName: d.tableName, Key: keys.personEmail(current.email) } },
                {
                  Put: {
                    TableName: d.tableName,
                    Item: { ...keys.personEmail(email), personId: id },
                    ConditionExpression: "attribute_not_exists(PK)",
                  },
                },
              ]
            : []),
        ],
      }),
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    const holder = await d.db.send(
      new GetCommand({ TableName: d.tableName, Key: keys.personEmail(email), ConsistentRead: true }),
    );
    if (moved && holder.Item && holder.Item.personId !== id) throw new ConflictError(nbSending.emailTaken(email));
    throw new ConflictError(nbSending.personChangedMeanwhile);
  }
  await updateMemberCopies(d, next);
  return next;
}

/** Members carry the person's (and their vara's) name and address (the list is one query): bring every copy up to date. */
async function updateMemberCopies(d: Db, person: Person): Promise<void> {
  for (const body of await listBodies(d)) {
    for (const m of await listMembers(d, body.id)) {
      const as = m.personId === person.id ? "person" : m.varaPersonId === person.id ? "vara" : undefined;
      if (!as) continue;
      await d.db
        .send(
          new UpdateCommand({
            TableName: d.tableName,
            Key: keys.member(body.id, m.id),
            UpdateExpression: `SET ${as}Name = :n, ${as}Email = :e`,
            ConditionExpression: "attribute_exists(PK)",
            ExpressionAttributeValues: { ":n": person.name, ":e": person.email },
          }),
        )
        .catch((err) => {
          if (!isConditionFailure(err)) throw err; // removed meanwhile
        });
    }
  }
}
