// The local stack, started by one function for `npm start`, the bench and the tests: the stand-ins and the app on them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type ServerType, serve } from "@hono/node-server";
import { z } from "zod";
import { InProcessQueue } from "../shared/adapters/in-process-queue.js";
import { ConfigError, type LocalConfig, loadLocalConfig } from "../shared/config.js";
import type { Clock } from "../shared/ports/clock.js";
import type { MailPort } from "../shared/ports/mail.js";
import { createLocalContext, type LocalContext } from "./context.js";
import { createLocalHttp } from "./http.js";
import {
  ensureBucket,
  ensureTable,
  freePort,
  type RunningService,
  startDynamoLocal,
  startS3Local,
  startSesLocal,
} from "./services.js";
import { attachWorkers } from "./workers.js";

/** Where the app finds the stand-ins. */
export interface ServiceEndpoints {
  dynamoEndpoint: string;
  sesEndpoint: string;
  s3Endpoint: string;
}

export interface LocalServices extends ServiceEndpoints {
  dynamo: RunningService;
  ses: RunningService;
  s3: RunningService;
  stop(): Promise<void>;
}

/**
 * DynamoDB Local, the local SES and the local S3, started together on the given ports (free ones
 * where none is given). With `dataDir` DynamoDB and S3 keep their data there; without, DynamoDB
 * is in memory and S3 in a temporary folder. If one fails to start, the others are stopped.
 */
export async function startLocalServices(
  opts: { ports?: { dynamo?: number; ses?: number; s3?: number }; dataDir?: string } = {},
): Promise<LocalServices> {
  const port = async (p?: number) => p ?? freePort();
  const results = await Promise.allSettled([
    port(opts.ports?.dynamo).then((p) => startDynamoLocal({ port: p, path: opts.dataDir && resolve(opts.dataDir, "dynamodb") })),
    port(opts.ports?.ses).then((p) => startSesLocal({ port: p })),
    port(opts.ports?.s3).then((p) => startS3Local({ port: p, directory: opts.dataDir && resolve(opts.dataDir, "s3") })),
  ]);
  const started = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failed = results.find((r) => r.status === "rejected");
  if (failed) {
    await Promise.allSettled(started.map((s) => s.stop()));
    throw failed.reason;
  }
  const [dynamo, ses, s3] = started as [RunningService, RunningService, RunningService];
  return {
    dynamo,
    ses,
    s3,
    dynamoEndpoint: dynamo.endpoint,
    sesEndpoint: ses.endpoint,
    s3Endpoint: s3.endpoint,
    async stop() {
      await Promise.allSettled([dynamo.stop(), ses.stop(), s3.stop()]);
    },
  };
}

export interface LocalAppOptions {
  /** The app's port; a free one if not given. */
  port?: number;
  /** Environment (npm start: process.env); the endpoints and DATA_DIR are set here. */
  env?: Record<string, string | undefined>;
  /** Folder for the link-signing key; a temporary one (removed on stop) if not given. */
  dataDir?: string;
  clock?: Clock;
  queue?: InProcessQueue;
  /** Wraps the real mail adapter (tests that make SES fail). */
  mail?: (real: MailPort) => MailPort;
  tickEveryMs?: number;
}

export interface LocalApp {
  ctx: LocalContext;
  config: LocalConfig;
  /** Where to reach the server (it listens on 127.0.0.1). */
  baseUrl: string;
  tableCreated: "created" | "exists";
  loadDemoDataIfEmpty(): Promise<{ loaded: boolean; lines: string[] }>;
  stop(): Promise<void>;
}

/**
 * The local configuration on these stand-ins. Locally every queue lane runs in this one process
 * and shares one SES pacer, so unless told otherwise the whole rate is that one worker's
 * (SEND_WORKER_CONCURRENCY=1); everything else takes the defaults of shared/config.ts.
 */
export function localStackConfig(
  services: ServiceEndpoints,
  env: Record<string, string | undefined>,
  fixed: { port: number; dataDir: string },
): LocalConfig {
  return loadLocalConfig({
    BASE_URL: `http://localhost:${fixed.port}`,
    SEND_WORKER_CONCURRENCY: "1",
    ...env,
    DYNAMODB_ENDPOINT: services.dynamoEndpoint,
    SES_ENDPOINT: services.sesEndpoint,
    S3_ENDPOINT: services.s3Endpoint,
    DATA_DIR: fixed.dataDir,
  });
}

/** DEMO_LOGIN_EMAIL (set by `npm start`): the address the login page suggests; unset or empty, no hint. */
function demoLoginEmail(env: Record<string, string | undefined>): string | undefined {
  const value = env.DEMO_LOGIN_EMAIL?.trim();
  if (!value) return undefined;
  const parsed = z.email().safeParse(value);
  if (!parsed.success) throw new ConfigError(`DEMO_LOGIN_EMAIL har ugyldig verdi ${JSON.stringify(value)} (ikke gyldig e-post)`);
  return parsed.data;
}

/** The app on running stand-ins: its table and bucket, the context, the in-process workers and the HTTP server. */
export async function startLocalApp(services: ServiceEndpoints, opts: LocalAppOptions = {}): Promise<LocalApp> {
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), "moter-"));
  const config = localStackConfig(services, opts.env ?? {}, { port, dataDir });
  const tableCreated = await ensureTable(services.dynamoEndpoint, config.TABLE_NAME);
  // CORS for the app's origin as a browser sees it (localhost and 127.0.0.1 both lead here).
  const origins = [new URL(config.BASE_URL).origin, `http://127.0.0.1:${port}`, `http://localhost:${port}`];
  await ensureBucket(services.s3Endpoint, config.BUCKET_NAME, [...new Set(origins)]);
  const base = createLocalContext(config, { clock: opts.clock, queue: opts.queue ?? new InProcessQueue() });
  const ctx: LocalContext = opts.mail ? { ...base, mail: opts.mail(base.mail) } : base;
  const workers = attachWorkers(ctx, { tickEveryMs: opts.tickEveryMs });
  await workers.ready;
  const http = createLocalHttp(ctx, { demoLoginEmail: demoLoginEmail(opts.env ?? {}) });
  const server: ServerType = serve({ fetch: http.fetch, port, hostname: "127.0.0.1" });
  return {
    ctx,
    config,
    baseUrl: `http://127.0.0.1:${port}`,
    tableCreated,
    loadDemoDataIfEmpty: workers.loadDemoDataIfEmpty,
    async stop() {
      workers.stop();
      await new Promise<void>((r) => server.close(() => r()));
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Stand-ins and app together (npm start, the bench); stop() stops the app, then the stand-ins. */
export async function startLocalStack(
  opts: LocalAppOptions & { ports?: { dynamo?: number; ses?: number; s3?: number }; persist?: boolean } = {},
) {
  const services = await startLocalServices({ ports: opts.ports, dataDir: opts.persist ? opts.dataDir : undefined });
  try {
    const app = await startLocalApp(services, opts);
    return {
      services,
      app,
      async stop() {
        await app.stop();
        await services.stop();
      },
    };
  } catch (err) {
    await services.stop();
    throw err;
  }
}
