// The test app (the local stack's app on the shared stand-ins of the global setup) and the local SES mailbox.
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import type { LocalContext } from "../../local/context.js";
import { localStackConfig, startLocalApp } from "../../local/stack.js";
import { InProcessQueue } from "../../shared/adapters/in-process-queue.js";
import type { LocalConfig } from "../../shared/config.js";
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

/** The stand-ins the global setup started (test/support/global-setup.ts). */
const services = () => ({
  dynamoEndpoint: inject("dynamoEndpoint"),
  sesEndpoint: inject("sesEndpoint"),
  s3Endpoint: inject("s3Endpoint"),
});

/** What every test app differs in from `npm start`: a fresh table and bucket, a fast SES rate, quiet logs. */
const testEnv = () => ({
  TABLE_NAME: `t-${randomUUID()}`,
  BUCKET_NAME: `b-${randomUUID()}`,
  SES_MAX_SEND_RATE: "200",
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
});

/**
 * The real Hono app over HTTP on a free port, with its own fresh table in the shared
 * DynamoDB Local, its own bucket in the shared local S3, and the shared local SES. Nothing is
 * mocked; the clock is adjustable so tests can jump past deadlines and schedules instead of
 * waiting days.
 */
export async function startTestApp(
  opts: { env?: Record<string, string>; mail?: (real: MailPort) => MailPort; queue?: InProcessQueue } = {},
): Promise<TestApp> {
  const clock = new AdjustableClock();
  const app = await startLocalApp(services(), {
    env: { ...testEnv(), ...opts.env },
    clock,
    queue: opts.queue ?? new InProcessQueue({ retryDelayMs: 50 }),
    mail: opts.mail,
    tickEveryMs: 3_600_000,
  });
  return {
    baseUrl: app.baseUrl,
    ctx: app.ctx,
    clock,
    sesEndpoint: inject("sesEndpoint"),
    s3Endpoint: inject("s3Endpoint"),
    stop: app.stop,
  };
}

/**
 * A local configuration on the shared stand-ins (DynamoDB Local, local SES, local S3 from the
 * global setup), with a fresh bucket name; the caller names its table, base URL and data folder.
 */
export function testConfig(
  env: { TABLE_NAME: string; BASE_URL: string; DATA_DIR: string } & Record<string, string>,
): LocalConfig {
  const { DATA_DIR, ...rest } = env;
  return localStackConfig(services(), { ...testEnv(), ...rest }, { port: 0, dataDir: DATA_DIR });
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
