// The DynamoDB client (AWS or DynamoDB Local), and the health check's ping of the table.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "./db.js";
import { keys } from "./keys.js";

/** The DynamoDB document client, pointed at DynamoDB Local when an endpoint is given. */
export function createDocumentClient(opts: { region: string; endpoint?: string }): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: opts.region,
    ...(opts.endpoint
      ? {
          endpoint: opts.endpoint,
          // DynamoDB Local accepts any credentials; fixed ones keep one shared database per region.
          credentials: { accessKeyId: "local", secretAccessKey: "local" },
        }
      : {}),
    maxAttempts: 4,
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}

/** Whether the table answers, and how fast (ms): a cheap GetItem on a key that never exists. Throws when it does not. */
export async function pingTable(d: Db): Promise<number> {
  const started = performance.now();
  await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.health }));
  return Math.round(performance.now() - started);
}
