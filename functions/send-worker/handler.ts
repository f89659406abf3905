/** The send-worker Lambda's entry: an SQS batch of queue messages, each handed to the sending domain. */
import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import { parser } from "@aws-lambda-powertools/batch/parser";
import { JSONStringified } from "@aws-lambda-powertools/parser/helpers";
import { SqsRecordSchema } from "@aws-lambda-powertools/parser/schemas/sqs";
import type { Context, SQSBatchResponse, SQSEvent } from "aws-lambda";
import type { z } from "zod";
import { logInvocation } from "../../shared/adapters/powertools-logger.js";
import { type AppContext, awsHandler } from "../../shared/context.js";
import { QueueMessage } from "../../shared/sending/index.js";
import { processQueueMessage } from "./process.js";

/**
 * An SQS record whose body is one of our queue messages, as JSON (Powertools' SQS record schema
 * with our zod schema for the body). A record that does not match fails on its own and, after
 * the queue's maxReceiveCount, ends in the dead-letter queue.
 */
const QueueRecord = SqsRecordSchema.extend({ body: JSONStringified(QueueMessage) });
type QueueRecord = z.infer<typeof QueueRecord>;

/** Thrown for a message whose outcome is "retry": Powertools reports it in batchItemFailures. */
class Redeliver extends Error {
  override name = "Redeliver";
}

/**
 * Thin entry point: an SQS batch through Powertools' BatchProcessor (parse each record, process,
 * report only the failed ones for redelivery). The batch is handled concurrently, as before
 * (processInParallel); the shared rate limiter keeps the SES pace.
 */
export const createSendWorkerHandler = (ctx: AppContext) => {
  // Powertools logs a record that fails the schema at debug level only; here it is an error worth seeing.
  const parseRecord: typeof parser = async (record, eventType, logger, config) => {
    try {
      return await parser(record, eventType, logger, config);
    } catch (err) {
      ctx.log.error("unreadable queue message", {
        messageId: (record as { messageId?: string }).messageId,
        error: (err as Error).message,
      });
      throw err;
    }
  };
  const processRecord = async (record: QueueRecord) => {
    if ((await processQueueMessage(ctx, record.body)) === "retry") throw new Redeliver(record.messageId);
  };
  return async (event: SQSEvent, context?: Context): Promise<SQSBatchResponse> => {
    logInvocation(ctx.log, context);
    // One processor per batch: it holds the batch's state.
    const processor = new BatchProcessor(EventType.SQS, { parser: parseRecord, schema: QueueRecord, logger: ctx.log });
    return processPartialResponse(event, processRecord, processor, {
      ...(context ? { context } : {}),
      processInParallel: true,
      // A batch where every message failed is answered like any other (all of them in
      // batchItemFailures), not with an error: SQS redelivers the same either way, and an error
      // would only set off the function's error alarm.
      throwOnFullBatchFailure: false,
    });
  };
};

export const handler = awsHandler("send-worker", createSendWorkerHandler);
