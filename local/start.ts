/**
 * `npm start`: the whole system on this machine, on real local stand-ins.
 * DynamoDB Local (data on disk under .data/), the local SES (mailbox viewer), the local S3
 * (s3rver behind its POST-policy front; objects under .data/s3), the Hono app on 127.0.0.1, an
 * in-process send queue running the send-worker code, and a tick timer.
 * Ctrl-C stops every child; nothing is left listening.
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { ConfigError, calendarReplyAddress, LOCAL_S3_PORT } from "../shared/config.js";
import { startInboundSmtp } from "./inbound-smtp.js";
import { secretariat } from "./seed-data.js";
import { assertJava, assertPortFree, StartupError } from "./services.js";
import { localStackConfig, startLocalApp, startLocalServices } from "./stack.js";

// The login page names the demo user (DEMO_LOGIN_EMAIL= turns that off).
const env: Record<string, string | undefined> = { DEMO_LOGIN_EMAIL: secretariat.email, ...process.env };
const port = Number(env.PORT ?? 3000);
const dynamoPort = Number(env.DYNAMODB_PORT ?? 8000);
const sesPort = Number(env.SES_PORT ?? 8005);
const s3Port = Number(env.S3_PORT ?? LOCAL_S3_PORT);
const smtpPort = Number(env.SMTP_PORT ?? 2525);
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

async function main() {
  for (const [name, p] of [
    ["PORT", port],
    ["DYNAMODB_PORT", dynamoPort],
    ["SES_PORT", sesPort],
    ["S3_PORT", s3Port],
    ["SMTP_PORT", smtpPort],
  ] as const) {
    if (!Number.isInteger(p) || p <= 0 || p > 65535)
      throw new StartupError(`${name} må være et portnummer (1–65535), fikk «${env[name]}».`);
  }
  // Every check before anything starts, so a refusal leaves nothing running.
  assertJava();
  await assertPortFree(port, "appen");
  await assertPortFree(dynamoPort, "DynamoDB Local");
  await assertPortFree(sesPort, "lokal SES");
  await assertPortFree(s3Port, "lokal S3");
  await assertPortFree(smtpPort, "SMTP for kalendersvar");
  const endpoints = {
    dynamoEndpoint: `http://127.0.0.1:${dynamoPort}`,
    sesEndpoint: `http://127.0.0.1:${sesPort}`,
    s3Endpoint: `http://127.0.0.1:${s3Port}`,
  };
  localStackConfig(endpoints, env, { port, dataDir }); // a wrong variable stops us here, before anything runs
  mkdirSync(dataDir, { recursive: true });

  const services = await startLocalServices({ ports: { dynamo: dynamoPort, ses: sesPort, s3: s3Port }, dataDir });
  stops.push(services.stop);
  for (const child of [services.dynamo, services.ses]) {
    child.process?.once("exit", (code) => {
      if (!stopping) {
        console.error(`En lokal tjeneste stoppet uventet (kode ${code}); stopper alt.`);
        void stopAll(1);
      }
    });
  }
  const app = await startLocalApp(services, { port, env, dataDir });
  stops.push(app.stop);
  const smtp = await startInboundSmtp(app.ctx, smtpPort);
  stops.push(smtp.stop);
  const demo = await app.loadDemoDataIfEmpty();
  const { config } = app;

  console.log(
    [
      "",
      `Møteinnkalling kjører lokalt.`,
      `  Appen:           ${config.BASE_URL}  (helse: ${config.BASE_URL}/health)`,
      `  E-postkassen:    ${services.sesEndpoint}/  (JSON: ${services.sesEndpoint}/store)`,
      `  Kalendersvar:    smtp://127.0.0.1:${smtp.port}  (står i for SES inbound: «Godta»/«Avslå» til ${calendarReplyAddress(config)})`,
      `  Lokal S3:        ${services.s3Endpoint}  (bøtte «${config.BUCKET_NAME}»; vedlegg i ${resolve(dataDir, "s3")})`,
      `  DynamoDB Local:  ${services.dynamoEndpoint}  (tabell «${config.TABLE_NAME}» ${app.tableCreated === "created" ? "opprettet" : "fantes fra før"}; data i ${dataDir})`,
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
