/** The send queue: SQS in AWS, an in-process queue locally. Messages are JSON, validated by the consumer. */
export interface QueuePort {
  send(messages: unknown[]): Promise<void>;
}
