// The single table's key schema, GSIs and TTL attribute (read by the CDK stack and the local setup).
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
    // GSI1: lists and look-ups (every organisation/body/user/API token, a body's meetings by date, a meeting's
    // sends, SES message id → delivery). A person by email is a plain item (PK = EMAIL#…), not this index.
    { name: "GSI1", partitionKey: "GSI1PK", sortKey: "GSI1SK" },
    // GSI2: due jobs by time (GSI2PK = "JOBS#pending", GSI2SK = "<dueAt ISO>#<job id>").
    { name: "GSI2", partitionKey: "GSI2PK", sortKey: "GSI2SK" },
  ],
} as const;

export type GlobalIndexName = (typeof tableSchema.globalIndexes)[number]["name"];

/** The index names by purpose, for queries (keys.ts holds the GSI1PK/GSI2PK values). */
export const GSI = { lookups: "GSI1", dueJobs: "GSI2" } as const satisfies Record<string, GlobalIndexName>;

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
