// The local wiring of the app context: DynamoDB Local, the local SES and S3, a file secret, the in-process queue.
import { join } from "node:path";
import { InProcessQueue } from "../shared/adapters/in-process-queue.js";
import { S3Blobs } from "../shared/adapters/s3-blobs.js";
import { FileSecrets } from "../shared/adapters/secrets.js";
import { SesMail } from "../shared/adapters/ses-mail.js";
import type { LocalConfig } from "../shared/config.js";
import type { AppContext } from "../shared/context.js";
import { createLogger } from "../shared/log.js";
import { type Clock, systemClock } from "../shared/ports/clock.js";
import type { MailPort } from "../shared/ports/mail.js";
import { createDocumentClient } from "../shared/store/dynamo.js";

export interface LocalContext extends AppContext {
  queue: InProcessQueue;
}

/** Wiring for the local stack and the tests: the same code, real local stand-ins. */
export function createLocalContext(
  config: LocalConfig,
  overrides: { clock?: Clock; mail?: MailPort; queue?: InProcessQueue } = {},
): LocalContext {
  return {
    config,
    db: createDocumentClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT }),
    tableName: config.TABLE_NAME,
    mail:
      overrides.mail ??
      new SesMail({ region: config.AWS_REGION, endpoint: config.SES_ENDPOINT, configurationSet: config.SES_CONFIGURATION_SET }),
    queue: overrides.queue ?? new InProcessQueue(),
    blobs: new S3Blobs(config.BUCKET_NAME, config.AWS_REGION, { endpoint: config.S3_ENDPOINT }),
    clock: overrides.clock ?? systemClock,
    secrets: new FileSecrets(join(config.DATA_DIR, "link-signing.key")),
    log: createLogger(config.LOG_LEVEL, { function: "local" }),
  };
}
