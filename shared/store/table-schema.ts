/**
 * The single DynamoDB table: key schema, GSIs and TTL attribute, defined once.
 * Both the CDK stack (infra/stack.ts) and the local setup (local/, tests) read this,
 * so the table in AWS and in DynamoDB Local can never drift apart.
 */
export const tableSchema = {
  partitionKey: "PK",
  sortKey: "SK",
  ttlAttribute: "expiresAt",
  globalIndexes: [
    // GSI1: secondary look-ups (email → person, link hash → invitation, body → meetings by date, SES message id → delivery).
    { name: "GSI1", partitionKey: "GSI1PK", sortKey: "GSI1SK" },
    // GSI2: due jobs by time (GSI2PK = "JOBS#pending", GSI2SK = dueAt ISO string).
    { name: "GSI2", partitionKey: "GSI2PK", sortKey: "GSI2SK" },
  ],
} as const;

export type GlobalIndexName = (typeof tableSchema.globalIndexes)[number]["name"];

/** CreateTable input for DynamoDB Local (all keys are strings; on-demand billing like in AWS). */
export function createTableInput(tableName: string) {
  const attrs = new Set<string>([tableSchema.partitionKey, tableSchema.sortKey]);
  for (const g of tableSchema.globalIndexes) {
    attrs.add(g.partitionKey);
    attrs.add(g.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST" as const,
    AttributeDefinitions: [...attrs].map((name) => ({ AttributeName: name, AttributeType: "S" as const })),
    KeySchema: [
      { AttributeName: tableSchema.partitionKey, KeyType: "HASH" as const },
      { AttributeName: tableSchema.sortKey, KeyType: "RANGE" as const },
    ],
    GlobalSecondaryIndexes: tableSchema.globalIndexes.map((g) => ({
      IndexName: g.name,
      KeySchema: [
        { AttributeName: g.partitionKey, KeyType: "HASH" as const },
        { AttributeName: g.sortKey, KeyType: "RANGE" as const },
      ],
      Projection: { ProjectionType: "ALL" as const },
    })),
  };
}
