// Where the data lives: the DynamoDB table, the attachments bucket and its access-log bucket, the send queue, the link key.
import { Duration, RemovalPolicy, type Stack } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { tableSchema } from "../shared/store/table-schema.js";
import { acknowledge } from "./nag.js";

/** The table: keys and GSIs from the schema the local setup also uses. */
export function dataTable(scope: Stack): dynamodb.Table {
  const table = new dynamodb.Table(scope, "Table", {
    partitionKey: { name: tableSchema.partitionKey, type: dynamodb.AttributeType.STRING },
    sortKey: { name: tableSchema.sortKey, type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    timeToLiveAttribute: tableSchema.ttlAttribute,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  for (const gsi of tableSchema.globalIndexes) {
    table.addGlobalSecondaryIndex({
      indexName: gsi.name,
      partitionKey: { name: gsi.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: gsi.sortKey, type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });
  }
  return table;
}

/** The private, versioned attachments bucket, with its server access logs in a bucket of their own. */
export function attachmentsBucket(scope: Stack, logRetentionDays: number): s3.Bucket {
  // S3 server access logs: who fetched which attachment (through a presigned URL), and when.
  const accessLogs = new s3.Bucket(scope, "AccessLogs", {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    encryption: s3.BucketEncryption.S3_MANAGED, // the only encryption S3 log delivery supports
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    lifecycleRules: [{ expiration: Duration.days(logRetentionDays) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  return new s3.Bucket(scope, "Attachments", {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    encryption: s3.BucketEncryption.S3_MANAGED,
    // Versioned: an attachment overwritten or deleted by mistake can be recovered for 90 days.
    versioned: true,
    lifecycleRules: [
      { id: "old-versions", noncurrentVersionExpiration: Duration.days(90) },
      // Uploads the browser made but nobody recorded (the form carries the tag; recording copies it away).
      { id: "unrecorded-uploads", tagFilters: { upload: "pending" }, expiration: Duration.days(1) },
      { id: "incomplete-multipart", abortIncompleteMultipartUploadAfter: Duration.days(1) },
    ],
    serverAccessLogsBucket: accessLogs,
    serverAccessLogsPrefix: "attachments/",
    removalPolicy: RemovalPolicy.RETAIN,
  });
}

/** The send queue and its dead letters; its visibility outlasts a worker run of workerTimeout. */
export function sendQueue(scope: Stack, workerTimeout: Duration): { queue: sqs.Queue; deadLetters: sqs.Queue } {
  const deadLetters = new sqs.Queue(scope, "SendDeadLetters", { retentionPeriod: Duration.days(14), enforceSSL: true });
  const queue = new sqs.Queue(scope, "SendQueue", {
    // Longer than the worker may run, so a batch in progress is not handed to another worker.
    visibilityTimeout: Duration.seconds(workerTimeout.toSeconds() * 6),
    deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 },
    enforceSSL: true,
  });
  return { queue, deadLetters };
}

/** The key that signs the participants' personal links (never rotated, see the acknowledgement). */
export function linkSigningKey(scope: Stack): secretsmanager.Secret {
  const linkSecret = new secretsmanager.Secret(scope, "LinkSigningKey", {
    description: "Key for signing the participants' personal links",
    generateSecretString: { passwordLength: 64, excludePunctuation: true },
  });
  acknowledge(
    linkSecret,
    "AwsSolutions-SMG4",
    "The key signs the personal links already sent by email; rotating it would silently break every open invitation. Links are revoked one by one instead (link version), see shared/domain/links.ts.",
  );
  return linkSecret;
}
