import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { createLocalHttp } from "../local/http.js";
import { createLocalContext } from "../local/context.js";
import { ensureBucket, ensureTable, freePort, startDynamoLocal, startS3Local, startSesLocal } from "../local/services.js";
import { attachWorkers } from "../local/workers.js";
import { InProcessQueue } from "../shared/adapters/in-process-queue.js";
import { type LocalConfig, loadConfig } from "../shared/config.js";

/** The local stack for a benchmark: DynamoDB Local (in memory), the local SES, the local S3, the app on a free port. */
export async function startBenchStack(env: Record<string, string> = {}) {
  const [dynamo, ses, s3, port] = await Promise.all([
    freePort().then((p) => startDynamoLocal({ port: p })),
    freePort().then((p) => startSesLocal({ port: p })),
    freePort().then((p) => startS3Local({ port: p })),
    freePort(),
  ]);
  const dataDir = mkdtempSync(join(tmpdir(), "moter-bench-"));
  const config = loadConfig({
    APP_ENV: "local",
    TABLE_NAME: "bench",
    BASE_URL: `http://127.0.0.1:${port}`,
    SENDER_EMAIL: "sekretariat@vestregionen.no",
    AWS_REGION: "eu-north-1",
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    SES_ENDPOINT: ses.endpoint,
    S3_ENDPOINT: s3.endpoint,
    DATA_DIR: dataDir,
    LOG_LEVEL: "error",
    ...env,
  }) as LocalConfig;
  await ensureTable(dynamo.endpoint, config.TABLE_NAME);
  await ensureBucket(s3.endpoint, config.BUCKET_NAME, [`http://127.0.0.1:${port}`]);
  const ctx = createLocalContext(config, { queue: new InProcessQueue({ retryDelayMs: 200, concurrency: 2 }) });
  const workers = attachWorkers(ctx, { tickEveryMs: 3_600_000 });
  await workers.ready;
  const server = serve({ fetch: createLocalHttp(ctx).fetch, port, hostname: "127.0.0.1" });
  return {
    ctx,
    baseUrl: `http://127.0.0.1:${port}`,
    sesEndpoint: ses.endpoint,
    async stop() {
      workers.stop();
      await new Promise<void>((r) => server.close(() => r()));
      await Promise.allSettled([dynamo.stop(), ses.stop(), s3.stop()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
