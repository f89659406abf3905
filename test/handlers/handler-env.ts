// The handler-test environment: the four Lambda handlers made by their factories on a fresh local context.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Context, SQSBatchResponse } from "aws-lambda";
import { createApiHandler, type HttpApiEvent } from "../../functions/api/handler.js";
import { createSendWorkerHandler } from "../../functions/send-worker/handler.js";
import { createSesEventsHandler } from "../../functions/ses-events/handler.js";
import { createTickHandler } from "../../functions/tick/handler.js";
import { createLocalContext } from "../../local/context.js";
import { ensureBucket, ensureTable } from "../../local/services.js";
import type { LocalConfig } from "../../shared/config.js";
import type { AppContext } from "../../shared/context.js";
import { AdjustableClock } from "../../shared/ports/clock.js";
import type { MailPort } from "../../shared/ports/mail.js";
import type { QueuePort } from "../../shared/ports/queue.js";
import { testConfig } from "../support/harness.js";
import { DOMAIN, lambdaContext, REGION, sqsEvent } from "./aws-events.js";

/**
 * The send queue as SQS would hold it: messages are only collected here, as the JSON bodies the SQS
 * adapter sends (shared/adapters/sqs-queue.ts), so the test can hand them to the send-worker handler
 * as SQS events. SQS has no local twin in this project; the in-process queue (local/) would call the
 * worker's code directly, past the handler this test is about.
 */
class CapturingQueue implements QueuePort {
  private bodies: string[] = [];
  async send(messages: unknown[]): Promise<void> {
    for (const m of messages) this.bodies.push(JSON.stringify(m));
  }
  get size(): number {
    return this.bodies.length;
  }
  /** Up to `max` waiting messages, as SQS hands them out (the event source's batch size is 10). */
  take(max = 10): string[] {
    return this.bodies.splice(0, max);
  }
}

interface ApiResult {
  statusCode: number;
  headers?: Record<string, string>;
  cookies?: string[];
  body: string;
  isBase64Encoded: boolean;
}

type Handlers = ReturnType<typeof handlersFor>;

/** The four handlers, each made by its factory from one context. */
function handlersFor(ctx: AppContext) {
  return {
    api: createApiHandler(ctx) as (event: HttpApiEvent, context?: Context) => Promise<ApiResult>,
    sendWorker: createSendWorkerHandler(ctx),
    tick: createTickHandler(ctx),
    sesEvents: createSesEventsHandler(ctx),
  };
}

export interface HandlerEnv extends Handlers {
  ctx: AppContext;
  config: LocalConfig;
  clock: AdjustableClock;
  queue: CapturingQueue;
  /** Hands the waiting messages to the send-worker handler as SQS events of up to 10, until none wait. */
  drainQueue(): Promise<SQSBatchResponse[]>;
  stop(): void;
}

/** A fresh table in the shared DynamoDB Local and bucket in the shared local S3, the shared local SES, an adjustable clock, the capturing queue. */
export async function startHandlerEnv(opts: { mail?: (real: MailPort) => MailPort } = {}): Promise<HandlerEnv> {
  const dataDir = mkdtempSync(join(tmpdir(), "moter-handlers-"));
  const config = testConfig({
    TABLE_NAME: `t-${randomUUID()}`,
    BASE_URL: `https://${DOMAIN}`,
    AWS_REGION: REGION,
    DATA_DIR: dataDir,
  });
  await ensureTable(config.DYNAMODB_ENDPOINT, config.TABLE_NAME);
  await ensureBucket(config.S3_ENDPOINT, config.BUCKET_NAME, [`https://${DOMAIN}`]);
  const clock = new AdjustableClock();
  const queue = new CapturingQueue();
  const local = createLocalContext(config, { clock });
  const ctx: AppContext = { ...local, queue, mail: opts.mail ? opts.mail(local.mail) : local.mail };
  const handlers = handlersFor(ctx);
  return {
    ...handlers,
    ctx,
    config,
    clock,
    queue,
    async drainQueue() {
      const responses: SQSBatchResponse[] = [];
      while (queue.size > 0) responses.push(await handlers.sendWorker(sqsEvent(queue.take(10)), lambdaContext("send-worker")));
      return responses;
    },
    stop() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
