import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { AwsConfig, Config } from "./config.js";
import { createLogger, type Logger } from "./log.js";
import type { BlobPort } from "./ports/blobs.js";
import { type Clock, systemClock } from "./ports/clock.js";
import type { MailPort } from "./ports/mail.js";
import type { QueuePort } from "./ports/queue.js";
import type { SecretsPort } from "./ports/secrets.js";
import { createDocumentClient } from "./store/dynamo.js";

/** Everything the shared code needs from the outside world, behind small ports. */
export interface AppContext {
  config: Config;
  db: DynamoDBDocumentClient;
  tableName: string;
  mail: MailPort;
  queue: QueuePort;
  blobs: BlobPort;
  clock: Clock;
  secrets: SecretsPort;
  log: Logger;
}

/** Loads a module once, on first use. */
const once = <T>(load: () => Promise<T>) => {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
};

/**
 * Wiring for Lambda: the cloud adapters. Each SDK client is loaded on first use, so a function
 * pays at cold start only for what it touches (the reply form never loads S3, SES or SQS code).
 * The local wiring lives in local/context.ts.
 */
export function createAwsContext(config: AwsConfig, name: string): AppContext {
  const region = config.AWS_REGION;
  const mail = once(async () => new (await import("./adapters/ses-mail.js")).SesMail({ region, configurationSet: config.SES_CONFIGURATION_SET }));
  const queue = once(async () => new (await import("./adapters/sqs-queue.js")).SqsQueue(config.QUEUE_URL, region));
  const blobs = once(async () => new (await import("./adapters/s3-blobs.js")).S3Blobs(config.BUCKET_NAME, region));
  const secrets = once(async () => new (await import("./adapters/secrets.js")).SecretsManagerSecrets(config.LINK_SECRET_ARN, region));
  return {
    config,
    db: createDocumentClient({ region }),
    tableName: config.TABLE_NAME,
    mail: { send: async (m) => (await mail()).send(m) },
    queue: { send: async (messages) => (await queue()).send(messages) },
    blobs: {
      put: async (key, body, type) => (await blobs()).put(key, body, type),
      open: async (key, filename) => (await blobs()).open(key, filename),
    },
    clock: systemClock,
    secrets: { linkSigningKey: async () => (await secrets()).linkSigningKey() },
    log: createLogger(config.LOG_LEVEL, { function: name }),
  };
}
