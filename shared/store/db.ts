import { type NativeAttributeValue, QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/** The bit of the context the store needs: the client and the table name. */
export interface Db {
  db: DynamoDBDocumentClient;
  tableName: string;
}

type Item = Record<string, NativeAttributeValue>;

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
export const jitter = (attempt: number) =>
  new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 5 * 2 ** attempt)));
