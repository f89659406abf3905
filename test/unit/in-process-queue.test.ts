// The local send queue: batches to the consumer, redelivery of failures, then dead letters.
import { describe, expect, it } from "vitest";
import { InProcessQueue } from "../../shared/adapters/in-process-queue.js";

describe("InProcessQueue (the local stand-in for SQS + the worker Lambda)", () => {
  it("hands messages to the consumer in batches and redelivers failures, then dead-letters them", async () => {
    const q = new InProcessQueue({ batchSize: 3, retryDelayMs: 5, maxReceives: 3, concurrency: 1 });
    const seen: unknown[][] = [];
    q.setConsumer(async (batch) => {
      seen.push(batch);
      return { failed: batch.flatMap((m, i) => ((m as { n: number }).n === 2 ? [i] : [])) };
    });
    await q.send([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
    await q.drained();
    expect(seen[0]).toHaveLength(3);
    expect(seen.flat().filter((m) => (m as { n: number }).n === 2)).toHaveLength(3);
    expect(q.deadLetters).toEqual([{ n: 2 }]);
  });
});
