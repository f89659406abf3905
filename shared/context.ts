import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { S3Blobs } from "./adapters/s3-blobs.js";
import { SecretsManagerSecrets } from "./adapters/secrets.js";
import { SesMail } from "./adapters/ses-mail.js";
import { SqsQueue } from "./adapters/sqs-queue.js";
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

/** Wiring for Lambda: the cloud adapters. The local wiring lives in local/context.ts. */
export function createAwsContext(config: AwsConfig, name: string): AppContext {
  return {
    config,
    db: createDocumentClient({ region: config.AWS_REGION }),
    tableName: config.TABLE_NAME,
    mail: new SesMail({ region: config.AWS_REGION, configurationSet: config.SES_CONFIGURATION_SET }),
    queue: new SqsQueue(config.QUEUE_URL, config.AWS_REGION),
    blobs: new S3Blobs(config.BUCKET_NAME, config.AWS_REGION),
    clock: systemClock,
    secrets: new SecretsManagerSecrets(config.LINK_SECRET_ARN, config.AWS_REGION),
    log: createLogger(config.LOG_LEVEL, { function: name }),
  };
}
