// The store's DynamoDB toolkit: the Db handle, paged queries, conflict retries, update expressions, batches.

import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import {
  BatchGetCommand,
  BatchWriteCommand,
  type NativeAttributeValue,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  type UpdateCommandInput,
} from "@aws-sdk/lib-dynamodb";

/** The bit of the context the store needs: the client and the table name. */
export interface Db {
  db: DynamoDBDocumentClient;
  tableName: string;
}

export type Item = Record<string, NativeAttributeValue>;

/** Runs a Query to the end (following LastEvaluatedKey). */
export async function queryAll(d: Db, input: Omit<QueryCommandInput, "TableName">): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Record<string, NativeAttributeValue> | undefined;
  do {
    const out = await d.db.send(new QueryCommand({ ...input, TableName: d.tableName, ExclusiveStartKey }));
    items.push(...((out.Items ?? []) as Item[]));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** True when a write failed only because its condition did not hold (someone else got there first). */
export function isConditionFailure(err: unknown): boolean {
  const name = (err as { name?: string }).name;
  if (name === "ConditionalCheckFailedException") return true;
  if (name === "TransactionCanceledException") {
    const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
    return reasons.some((r) => r.Code === "ConditionalCheckFailed" || r.Code === "TransactionConflict");
  }
  return false;
}

/** Small random back-off for optimistic-concurrency retries. */
const jitter = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 5 * 2 ** attempt)));

/**
 * The optimistic-concurrency loop: runs `fn(attempt)` (attempt 0, 1, …), which reads, decides and
 * writes conditionally on what it read. When the write loses a race (`retryIf`, by default a
 * condition failure) it waits a moment and runs again, at most `retries` times after the first;
 * any other error, or the last loss, is thrown.
 */
export async function retryOnConflict<T>(
  fn: (attempt: number) => Promise<T>,
  opts: { retries: number; retryIf?: (err: unknown) => boolean },
): Promise<T> {
  const retryIf = opts.retryIf ?? isConditionFailure;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= opts.retries || !retryIf(err)) throw err;
      await jitter(attempt);
    }
  }
}

type UpdateParts = Required<Pick<UpdateCommandInput, "UpdateExpression" | "ExpressionAttributeNames">> &
  Pick<UpdateCommandInput, "ConditionExpression" | "ExpressionAttributeValues">;

/**
 * The UpdateExpression for a patch: `SET #u0 = :u0, …` for each defined field and `REMOVE #u1, …`
 * for each field given as undefined, with their names and values. An optional condition brings its
 * own placeholders (anything but #u…/:u…), merged in. Spread the result into an UpdateCommand.
 */
export function patchUpdate(
  patch: Record<string, unknown>,
  condition?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> },
): UpdateParts {
  const names: Record<string, string> = { ...condition?.names };
  const values: Record<string, unknown> = { ...condition?.values };
  const sets: string[] = [];
  const removes: string[] = [];
  Object.entries(patch).forEach(([field, value], i) => {
    names[`#u${i}`] = field;
    if (value === undefined) removes.push(`#u${i}`);
    else {
      values[`:u${i}`] = value;
      sets.push(`#u${i} = :u${i}`);
    }
  });
  const clauses = [sets.length ? `SET ${sets.join(", ")}` : "", removes.length ? `REMOVE ${removes.join(", ")}` : ""];
  return {
    UpdateExpression: clauses.filter(Boolean).join(" "),
    ExpressionAttributeNames: names,
    ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
    ...(condition ? { ConditionExpression: condition.expression } : {}),
  };
}

/**
 * Sends one batch request and again for what DynamoDB left unprocessed (throttled partitions), with
 * exponential back-off, until nothing is left. `call` returns the unprocessed rest.
 */
async function untilProcessed<R>(request: R[], call: (request: R[]) => Promise<R[] | undefined>): Promise<void> {
  let rest: R[] | undefined = request;
  for (let attempt = 0; rest?.length; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** (attempt - 1)));
    rest = await call(rest);
  }
}

/** Writes the items with BatchWrite (25 a request), retrying the unprocessed ones. Not atomic. */
export async function batchPut(d: Db, items: Item[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    const puts = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    await untilProcessed(puts, async (request) => {
      const out = await d.db.send(new BatchWriteCommand({ RequestItems: { [d.tableName]: request } }));
      return out.UnprocessedItems?.[d.tableName] as typeof puts | undefined;
    });
  }
}

/** Reads the items with these keys with BatchGet (100 a request), retrying the unprocessed keys. Missing items are left out; order is not kept. */
export async function batchGet(d: Db, keys: Item[], projection?: string): Promise<Item[]> {
  const found: Item[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    await untilProcessed(keys.slice(i, i + 100), async (Keys) => {
      const out = await d.db.send(
        new BatchGetCommand({
          RequestItems: { [d.tableName]: { Keys, ...(projection ? { ProjectionExpression: projection } : {}) } },
        }),
      );
      found.push(...((out.Responses?.[d.tableName] ?? []) as Item[]));
      return out.UnprocessedKeys?.[d.tableName]?.Keys as Item[] | undefined;
    });
  }
  return found;
}

/** Writes an item unless one with its key exists; false when it did (someone else got there first). */
export async function putIfAbsent(d: Db, item: Item): Promise<boolean> {
  try {
    await d.db.send(new PutCommand({ TableName: d.tableName, Item: item, ConditionExpression: "attribute_not_exists(PK)" }));
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}
