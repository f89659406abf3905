import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ServerType, serve } from "@hono/node-server";
import { inject } from "vitest";
import { createLocalHttp } from "../../local/http.js";
import { createLocalContext, type LocalContext } from "../../local/context.js";
import { ensureBucket, ensureTable, freePort } from "../../local/services.js";
import { attachWorkers } from "../../local/workers.js";
import { InProcessQueue } from "../../shared/adapters/in-process-queue.js";
import { type LocalConfig, loadConfig } from "../../shared/config.js";
import { AdjustableClock } from "../../shared/ports/clock.js";
import type { MailPort } from "../../shared/ports/mail.js";

export interface TestApp {
  baseUrl: string;
  ctx: LocalContext;
  clock: AdjustableClock;
  sesEndpoint: string;
  /** The local S3; the app's bucket is ctx.config.BUCKET_NAME. */
  s3Endpoint: string;
  stop(): Promise<void>;
}

/**
 * The real Hono app over HTTP on a free port, with its own fresh table in the shared
 * DynamoDB Local, its own bucket in the shared local S3, and the shared local SES. Nothing is
 * mocked; the clock is adjustable so tests can jump past deadlines and schedules instead of
 * waiting days.
 */
export async function startTestApp(
  opts: { env?: Record<string, string>; mail?: (real: MailPort) => MailPort; queue?: InProcessQueue } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), "moter-test-"));
  const port = await freePort();
  const tableName = `t-${randomUUID()}`;
  const config = testConfig({ TABLE_NAME: tableName, BASE_URL: `http://localhost:${port}`, DATA_DIR: dataDir, ...opts.env });
  await ensureTable(config.DYNAMODB_ENDPOINT, tableName);
  await ensureBucket(config.S3_ENDPOINT, config.BUCKET_NAME, [`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const clock = new AdjustableClock();
  const base = createLocalContext(config, { clock, queue: opts.queue ?? new InProcessQueue({ retryDelayMs: 50 }) });
  const ctx: LocalContext = opts.mail ? { ...base, mail: opts.mail(base.mail) } : base;
  const workers = attachWorkers(ctx, { tickEveryMs: 3_600_000 });
  await workers.ready;
  const server: ServerType = serve({ fetch: createLocalHttp(ctx).fetch, port, hostname: "127.0.0.1" });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    ctx,
    clock,
    sesEndpoint: config.SES_ENDPOINT,
    s3Endpoint: config.S3_ENDPOINT,
    async stop() {
      workers.stop();
      await new Promise<void>((r) => server.close(() => r()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A local configuration on the shared stand-ins (DynamoDB Local, local SES, local S3 from the
 * global setup), with a fresh bucket name; the caller names its table, base URL and data folder.
 */
export function testConfig(env: { TABLE_NAME: string; BASE_URL: string; DATA_DIR: string } & Record<string, string>): LocalConfig {
  return loadConfig({
    APP_ENV: "local",
    SENDER_EMAIL: "sekretariat@vestregionen.no",
    SES_MAX_SEND_RATE: "200",
    AWS_REGION: "eu-north-1",
    DYNAMODB_ENDPOINT: inject("dynamoEndpoint"),
    SES_ENDPOINT: inject("sesEndpoint"),
    S3_ENDPOINT: inject("s3Endpoint"),
    BUCKET_NAME: `b-${randomUUID()}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    ...env,
  }) as LocalConfig;
}

export interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  attachments: { content: string; contentType: string; filename?: string; size: number }[];
  at: number;
}

/** Emails the local SES captured, optionally only those to the given addresses. */
export async function sesEmails(sesEndpoint: string, to?: (addr: string) => boolean): Promise<StoredEmail[]> {
  const res = await fetch(`${sesEndpoint}/store`);
  const { emails } = (await res.json()) as { emails: StoredEmail[] };
  // Raw messages list recipients as they stand in the To header ("Name <addr>"): keep the address.
  const bare = (a: string) => /<([^>]+)>\s*$/.exec(a)?.[1] ?? a;
  for (const e of emails) e.destination.to = e.destination.to.map(bare);
  return to ? emails.filter((e) => e.destination.to.some(to)) : emails;
}
