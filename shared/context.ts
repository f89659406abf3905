// The application context (config, table, ports, clock, log) and its AWS wiring for the Lambdas.
import { PowertoolsLogger } from "./adapters/powertools-logger.js";
import { type AwsConfig, type Config, ConfigError, loadConfig } from "./config.js";
import type { Logger } from "./log.js";
import { type BlobPort, lazyBlobs } from "./ports/blobs.js";
import { type Clock, systemClock } from "./ports/clock.js";
import type { MailPort } from "./ports/mail.js";
import type { QueuePort } from "./ports/queue.js";
import type { SecretsPort } from "./ports/secrets.js";
import type { Db } from "./store/db.js";
import { createDocumentClient } from "./store/dynamo.js";

/** Everything the shared code needs from the outside world, behind small ports. */
export interface AppContext extends Db {
  config: Config;
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
function createAwsContext(config: AwsConfig, name: string): AppContext {
  const region = config.AWS_REGION;
  const mail = once(
    async () => new (await import("./adapters/ses-mail.js")).SesMail({ region, configurationSet: config.SES_CONFIGURATION_SET }),
  );
  const queue = once(async () => new (await import("./adapters/sqs-queue.js")).SqsQueue(config.QUEUE_URL, region));
  const blobs = once(async () => new (await import("./adapters/s3-blobs.js")).S3Blobs(config.BUCKET_NAME, region));
  const secrets = once(
    async () => new (await import("./adapters/secrets.js")).SecretsManagerSecrets(config.LINK_SECRET_ARN, region),
  );
  return {
    config,
    db: createDocumentClient({ region }),
    tableName: config.TABLE_NAME,
    mail: { send: async (m) => (await mail()).send(m) },
    queue: { send: async (messages) => (await queue()).send(messages) },
    blobs: lazyBlobs(blobs),
    clock: systemClock,
    secrets: { linkSigningKey: async () => (await secrets()).linkSigningKey() },
    // Structured JSON with the request id (handlers call logInvocation), level from LOG_LEVEL.
    log: new PowertoolsLogger({ level: config.LOG_LEVEL, fields: { function: name } }),
  };
}

/**
 * A Lambda's exported `handler`: its factory (`create…Handler(ctx)`, which the tests call with the
 * local context) applied to the AWS context. Made once per container, at import as before, so the
 * cold-start work stays in the init phase. A configuration that is wrong, or local, is not thrown
 * at import but by every call (the message names the variable): that keeps the module importable
 * for its factory without AWS settings.
 */
export function awsHandler<A extends unknown[], R>(
  name: string,
  factory: (ctx: AppContext) => (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  let made: ((...args: A) => Promise<R>) | undefined;
  let failure: unknown;
  try {
    const config = loadConfig();
    if (config.APP_ENV !== "aws") throw new ConfigError(`the ${name} Lambda runs with APP_ENV=aws`);
    made = factory(createAwsContext(config, name));
  } catch (err) {
    failure = err;
  }
  return async (...args) => {
    if (!made) throw failure;
    return made(...args);
  };
}
