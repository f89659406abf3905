// The send queue in AWS: SQS batches behind the queue port.
import { SendMessageBatchCommand, SQSClient } from "@aws-sdk/client-sqs";
import type { QueuePort } from "../ports/queue.js";

/** SQS: batches of at most 10 (the SQS limit); a partially failed batch is an error so the caller can retry. */
export class SqsQueue implements QueuePort {
  private readonly client: SQSClient;
  constructor(
    private readonly queueUrl: string,
    region: string,
  ) {
    this.client = new SQSClient({ region });
  }

  async send(messages: unknown[]): Promise<void> {
    for (let i = 0; i < messages.length; i += 10) {
      const chunk = messages.slice(i, i + 10);
      const out = await this.client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: chunk.map((m, j) => ({ Id: String(j), MessageBody: JSON.stringify(m) })),
        }),
      );
      if (out.Failed && out.Failed.length > 0) {
        throw new Error(`SQS refused ${out.Failed.length} messages: ${out.Failed[0]?.Message ?? ""}`);
      }
    }
  }
}
