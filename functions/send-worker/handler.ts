import type { SQSBatchResponse, SQSEvent } from "aws-lambda";
import { loadConfig } from "../../shared/config.js";
import { createAwsContext } from "../../shared/context.js";
import { processQueueMessages } from "./process.js";

const config = loadConfig();
if (config.APP_ENV !== "aws") throw new Error("the send-worker Lambda runs with APP_ENV=aws");
const ctx = createAwsContext(config, "send-worker");

/** Thin entry point: parse the SQS batch, process it, report the failures for redelivery. */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const bodies = event.Records.map((r) => {
    try {
      return JSON.parse(r.body) as unknown;
    } catch {
      return { unreadable: r.body.slice(0, 200) };
    }
  });
  const { failed } = await processQueueMessages(ctx, bodies);
  return { batchItemFailures: failed.map((i) => ({ itemIdentifier: event.Records[i]!.messageId })) };
}
