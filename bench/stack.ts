// The bench's local stack (the one local/stack.ts starts, on free ports, in memory) and its percentile helper.

import { startLocalStack } from "../local/stack.js";
import { InProcessQueue } from "../shared/adapters/in-process-queue.js";

/** The local stack for a benchmark: DynamoDB Local (in memory), the local SES, the local S3, the app on a free port. */
export async function startBenchStack(env: Record<string, string> = {}) {
  const stack = await startLocalStack({
    env: { TABLE_NAME: "bench", LOG_LEVEL: "error", ...env },
    queue: new InProcessQueue({ retryDelayMs: 200, concurrency: 2 }),
    tickEveryMs: 3_600_000,
  });
  return { ctx: stack.app.ctx, baseUrl: stack.app.baseUrl, sesEndpoint: stack.services.sesEndpoint, stop: stack.stop };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
