// A meeting's agenda in the table: items written with the meeting's version bump, and the per-body case-number counter.
import { GetCommand, TransactWriteCommand, type TransactWriteCommandInput, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { ConflictError } from "../errors.js";
import type { AgendaItem } from "../model.js";
import { type Db, isConditionFailure, retryOnConflict } from "./db.js";
import { getBody } from "./directory.js";
import { keys, newId } from "./keys.js";
import { bumpVersion, getMeetingBundle, type MeetingAgenda } from "./meetings.js";

type TransactItems = NonNullable<TransactWriteCommandInput["TransactItems"]>;

/** What the meetings domain decided a new item is; a case (caseYear set) also gets the next number of that year. */
export interface AgendaItemPlan {
  item: Omit<AgendaItem, "id" | "meetingId" | "number">;
  caseYear?: number;
}

/**
 * Adds an agenda item as `plan` decides from the meeting as read. A case takes the body's next
 * number for its year in the same transaction as the item: the counter update is conditional on
 * the value read, so two simultaneous adds cannot take the same number, and a failed write takes
 * none (no gaps). `caseNumber` formats the number from the counter's value and the year.
 */
export function addAgendaItem(
  d: Db,
  meetingId: string,
  plan: (read: MeetingAgenda) => AgendaItemPlan,
  caseNumber: (seq: number, year: number) => string,
): Promise<AgendaItem> {
  return retryOnConflict(
    async () => {
      const { meeting, agenda, attachments } = await getMeetingBundle(d, meetingId);
      const { item: fields, caseYear } = plan({ meeting, agenda, attachments });
      const item: AgendaItem = { id: newId(), meetingId, number: null, ...fields };
      const tx: TransactItems = [];
      if (caseYear !== undefined) {
        const counterKey = keys.caseCounter(meeting.bodyId, caseYear);
        const counter = await d.db.send(new GetCommand({ TableName: d.tableName, Key: counterKey, ConsistentRead: true }));
        const seq = Number(counter.Item?.next ?? 1);
        item.number = caseNumber(seq, caseYear);
        tx.push(
          counter.Item
            ? {
                Update: {
                  TableName: d.tableName,
                  Key: counterKey,
                  UpdateExpression: "SET #next = :after",
                  ConditionExpression: "#next = :seq",
                  ExpressionAttributeNames: { "#next": "next" },
                  ExpressionAttributeValues: { ":seq": seq, ":after": seq + 1 },
                },
              }
            : {
                Put: {
                  TableName: d.tableName,
                  Item: { ...counterKey, next: seq + 1 },
                  ConditionExpression: "attribute_not_exists(PK)",
                },
              },
        );
      }
      tx.push(
        { Put: { TableName: d.tableName, Item: { ...keys.agendaItem(meetingId, item.id), ...item } } },
        bumpVersion(d, meeting),
      );
      await d.db.send(new TransactWriteCommand({ TransactItems: tx }));
      return item;
    },
    { retries: 60 },
  );
}

/** What an agenda change writes: items put, at most one removed, and a case number given back to the body's series. */
export interface AgendaWrite {
  put: AgendaItem[];
  removeId?: string;
  /** The highest number of the series, freed by a deletion: given back only if no later number was handed out. */
  release?: { year: number; seq: number };
}

/**
 * Rewrites agenda items as `decide` says from the meeting as read (an edit, a move that deals the
 * numbers out again, a deletion), with the meeting's version bump, in one transaction; retried on a
 * race. Returns the whole agenda after the write, in order.
 */
export function writeAgendaItems(d: Db, meetingId: string, decide: (read: MeetingAgenda) => AgendaWrite): Promise<AgendaItem[]> {
  return retryOnConflict(
    async () => {
      const { meeting, agenda, attachments } = await getMeetingBundle(d, meetingId);
      const { put, removeId, release } = decide({ meeting, agenda, attachments });
      const tx: TransactItems = put.map((i) => ({
        Put: { TableName: d.tableName, Item: { ...keys.agendaItem(meetingId, i.id), ...i } },
      }));
      if (removeId) tx.push({ Delete: { TableName: d.tableName, Key: keys.agendaItem(meetingId, removeId) } });
      if (release) {
        const counterKey = keys.caseCounter(meeting.bodyId, release.year);
        const counter = await d.db.send(new GetCommand({ TableName: d.tableName, Key: counterKey, ConsistentRead: true }));
        // Conditional: a number taken meanwhile fails the whole write, and the retry decides again.
        if (Number(counter.Item?.next) === release.seq + 1)
          tx.push({
            Update: {
              TableName: d.tableName,
              Key: counterKey,
              UpdateExpression: "SET #next = :seq",
              ConditionExpression: "#next = :after",
              ExpressionAttributeNames: { "#next": "next" },
              ExpressionAttributeValues: { ":seq": release.seq, ":after": release.seq + 1 },
            },
          });
      }
      tx.push(bumpVersion(d, meeting));
      await d.db.send(new TransactWriteCommand({ TransactItems: tx }));
      const byId = new Map([...agenda, ...put].map((i) => [i.id, i]));
      if (removeId) byId.delete(removeId);
      return [...byId.values()].sort((a, b) => a.order - b.order);
    },
    { retries: 20 },
  );
}

/** Sets the next case number of a body for a year; never backwards (that would hand out a number twice). */
export async function setNextCaseNumber(d: Db, bodyId: string, year: number, next: number): Promise<void> {
  await getBody(d, bodyId);
  try {
    await d.db.send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: keys.caseCounter(bodyId, year),
        UpdateExpression: "SET #next = :n",
        ConditionExpression: "attribute_not_exists(#next) OR #next <= :n",
        ExpressionAttributeNames: { "#next": "next" },
        ExpressionAttributeValues: { ":n": next },
      }),
    );
  } catch (err) {
    if (isConditionFailure(err))
      throw new ConflictError(`Saksnummer lavere enn det neste ledige for ${year} ville gitt dubletter.`);
    throw err;
  }
}

export async function nextCaseNumber(d: Db, bodyId: string, year: number): Promise<number> {
  const out = await d.db.send(
    new GetCommand({ TableName: d.tableName, Key: keys.caseCounter(bodyId, year), ConsistentRead: true }),
  );
  return Number(out.Item?.next ?? 1);
}
