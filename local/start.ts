/**
 * `npm start`: the whole system on this machine, on real local stand-ins.
 * DynamoDB Local (data on disk under .data/), the local SES (mailbox viewer), the local S3
 * (s3rver behind its POST-policy front; objects under .data/s3), the Hono app on 127.0.0.1, an
 * in-process send queue running the send-worker code, and a tick timer.
 * Ctrl-C stops every child; nothing is left listening.
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { serve } from "@hono/node-server";
import { createLocalHttp } from "./http.js";
import { ConfigError, LOCAL_S3_PORT, type LocalConfig, loadConfig } from "../shared/config.js";
import { createLocalContext } from "./context.js";
import {
  assertJava,
  assertPortFree,
  ensureBucket,
  ensureTable,
  type RunningService,
  StartupError,
  startDynamoLocal,
  startS3Local,
  startSesLocal,
} from "./services.js";
import { attachWorkers } from "./workers.js";

const env = process.env;
const port = Number(env.PORT ?? 3000);
const dynamoPort = Number(env.DYNAMODB_PORT ?? 8000);
const sesPort = Number(env.SES_PORT ?? 8005);
const s3Port = Number(env.S3_PORT ?? LOCAL_S3_PORT);
const dataDir = resolve(env.DATA_DIR ?? ".data");

/** What to stop on exit, newest first (the app before the databases it uses). */
const stops: (() => Promise<void>)[] = [];
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
  process.exit(code);
}

function started(service: RunningService): RunningService {
  stops.push(service.stop);
  return service;
}

async function main() {
  for (const [name, p] of [["PORT", port], ["DYNAMODB_PORT", dynamoPort], ["SES_PORT", sesPort], ["S3_PORT", s3Port]] as const) {
    if (!Number.isInteger(p) || p <= 0 || p > 65535) throw new StartupError(`${name} må være et portnummer (1–65535), fikk «${env[name]}».`);
  }
  // Every check before anything starts, so a refusal leaves nothing running.
  assertJava();
  await assertPortFree(port, "appen");
  await assertPortFree(dynamoPort, "DynamoDB Local");
  await assertPortFree(sesPort, "lokal SES");
  await assertPortFree(s3Port, "lokal S3");
  mkdirSync(dataDir, { recursive: true });

  const config = loadConfig({
    APP_ENV: "local",
    TABLE_NAME: "moter",
    BASE_URL: `http://localhost:${port}`,
    SENDER_EMAIL: "sekretariat@vestregionen.no",
    SES_MAX_SEND_RATE: "14",
    AWS_REGION: "eu-north-1",
    ...env,
    DYNAMODB_ENDPOINT: `http://127.0.0.1:${dynamoPort}`,
    SES_ENDPOINT: `http://127.0.0.1:${sesPort}`,
    S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
    DATA_DIR: dataDir,
  }) as LocalConfig;

  // Started together; if one fails, the other is stopped too (allSettled, then stop what started).
  const results = await Promise.allSettled([
    startDynamoLocal({ port: dynamoPort, path: resolve(dataDir, "dynamodb") }).then(started),
    startSesLocal({ port: sesPort }).then(started),
    startS3Local({ port: s3Port, directory: resolve(dataDir, "s3") }).then(started),
  ]);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
  const [dynamo, ses, s3] = results.map((r) => (r as PromiseFulfilledResult<RunningService>).value) as [RunningService, RunningService, RunningService];
  for (const child of [dynamo, ses]) {
    child.process?.once("exit", (code) => {
      if (!stopping) {
        console.error(`En lokal tjeneste stoppet uventet (kode ${code}); stopper alt.`);
        void stopAll(1);
      }
    });
  }
  const created = await ensureTable(dynamo.endpoint, config.TABLE_NAME);
  // CORS for the app's origin as a browser sees it (localhost and 127.0.0.1 both lead here).
  await ensureBucket(s3.endpoint, config.BUCKET_NAME, [...new Set([new URL(config.BASE_URL).origin, `http://127.0.0.1:${port}`, `http://localhost:${port}`])]);

  const ctx = createLocalContext(config);
  const workers = attachWorkers(ctx);
  const demo = await workers.loadDemoDataIfEmpty();

  const server = serve({ fetch: createLocalHttp(ctx).fetch, port, hostname: "127.0.0.1" });
  stops.push(
    () =>
      new Promise<void>((r) => {
        workers.stop();
        server.close(() => r());
      }),
  );

  console.log(
    [
      "",
      `Møteinnkalling kjører lokalt.`,
      `  Appen:           ${config.BASE_URL}  (helse: ${config.BASE_URL}/health)`,
      `  E-postkassen:    ${ses.endpoint}/  (JSON: ${ses.endpoint}/store)`,
      `  Lokal S3:        ${s3.endpoint}  (bøtte «${config.BUCKET_NAME}»; vedlegg i ${resolve(dataDir, "s3")})`,
      `  DynamoDB Local:  ${dynamo.endpoint}  (tabell «${config.TABLE_NAME}» ${created === "created" ? "opprettet" : "fantes fra før"}; data i ${dataDir})`,
      ...demo.lines,
      "Stopp med Ctrl-C.",
      "",
    ].join("\n"),
  );
}

process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

main().catch(async (err) => {
  if (err instanceof StartupError || err instanceof ConfigError) console.error(`Kan ikke starte: ${err.message}`);
  else console.error("Kan ikke starte:", err);
  await stopAll(1);
});
