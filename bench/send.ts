// The send benchmark: 2,000 recipients through the local stack, observed from outside (SES store, table, DynamoDB wire, CPU).
/**
 * Sends the innkalling to 2,000 generated recipients through the local stack (DynamoDB Local,
 * the in-process queue running the send-worker code, the local SES) at a configured SES rate,
 * and observes it from outside the code under test: what the local SES received and when
 * (GET <ses>/store), the DynamoDB calls on the wire (an SDK middleware installed here on the
 * context's client, after the SDK's retries, so each attempt counts), and this process's CPU time
 * (process.cpuUsage). `--busy` keeps one core busy with another process meanwhile. Last line: JSON.
 *   npm run bench -- send [--rate=50] [--recipients=2000] [--busy]
 */
import { spawn } from "node:child_process";
import { mjmlRenderCount } from "../emails/index.js";
import { addAgendaItem } from "../shared/meetings/index.js";
import { composeDelivery, createSend, listDeliveries, sendProgress } from "../shared/sending/index.js";
import { seedBenchMeeting, startBenchStack } from "./stack.js";

const arg = (name: string, dflt: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? dflt);
const recipients = arg("recipients", 2000);
const rate = arg("rate", 50);
const busy = process.argv.includes("--busy");

const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

const stack = await startBenchStack({ SES_MAX_SEND_RATE: String(rate) });
// Another process spinning on one core (as other work on the machine would), stopped at the end.
const spinner = busy ? spawn(process.execPath, ["-e", "for(;;){}"], { stdio: "ignore" }) : undefined;
try {
  const { ctx } = stack;
  const { meeting, emails: addresses } = await seedBenchMeeting(ctx, { members: recipients, prefix: "m" });
  for (let i = 0; i < 8; i++)
    await addAgendaItem(ctx, meeting.id, {
      title: `Sak ${i}`,
      kind: "decision",
      proposedDecision: "Forslaget vedtas.",
      subItems: [],
      attachmentNumbers: [],
    });
  await fetch(`${stack.sesEndpoint}/clear-store`, { method: "POST" });

  // Every DynamoDB request from here on, by operation.
  const calls = new Map<string, number>();
  ctx.db.middlewareStack.add(
    (next, context) => (args) => {
      const op = String(context.commandName).replace(/Command$/, "");
      calls.set(op, (calls.get(op) ?? 0) + 1);
      return next(args);
    },
    { step: "finalizeRequest", priority: "low", name: "bench-count-calls" },
  );

  const rendersBefore = mjmlRenderCount();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const { sendId } = await createSend(ctx, { meetingId: meeting.id, template: "invitation", audience: "all", by: "bench" });
  const afterCreate = new Map(calls);
  const createMs = performance.now() - started;
  await ctx.queue.drained();
  const elapsedMs = performance.now() - started;
  const sendCpuMs = cpuMs(cpuBefore);
  const callsAll = [...calls.values()].reduce((s, n) => s + n, 0);
  const callsCreate = [...afterCreate.values()].reduce((s, n) => s + n, 0);
  ctx.db.middlewareStack.remove("bench-count-calls");
  const progress = await sendProgress(ctx, sendId);

  const { emails } = (await (await fetch(`${stack.sesEndpoint}/store`)).json()) as {
    emails: { destination: { to: string[] }; at: number }[];
  };
  const counts = new Map<string, number>();
  // Raw messages list recipients as in the To header ("Name <addr>"): count by address.
  const bare = (a: string) => /<([^>]+)>\s*$/.exec(a)?.[1] ?? a;
  for (const e of emails) for (const to of e.destination.to.map(bare)) counts.set(to, (counts.get(to) ?? 0) + 1);
  const duplicates = [...counts.values()].reduce((s, n) => s + Math.max(0, n - 1), 0);
  const missing = addresses.filter((a) => !counts.has(a)).length;
  // When each email left: the time SES answered, as recorded on its delivery in the table (the
  // local SES stamps its store in whole seconds only).
  const deliveries = await listDeliveries(ctx, sendId);
  const at = deliveries.flatMap((d) => (d.sentAt ? [Date.parse(d.sentAt)] : [])).sort((a, b) => a - b);
  const spanS = at.length > 1 ? (at.at(-1)! - at[0]!) / 1000 : elapsedMs / 1000;
  const achieved = (at.length - 1) / spanS;

  // Compose alone, as the worker does it (record → MIME), once more for every delivery of the send.
  await composeDelivery(ctx, deliveries[0]!);
  const composeBefore = process.cpuUsage();
  let bytes = 0;
  for (const dl of deliveries) bytes += (await composeDelivery(ctx, dl)).byteLength;
  const composeMs = cpuMs(composeBefore) / deliveries.length;

  console.log(
    `sent ${emails.length} of ${recipients} in ${(elapsedMs / 1000).toFixed(1)} s (creating the send ${(createMs / 1000).toFixed(1)} s; progress: ${progress.sent} sent, ${progress.failed} failed)${busy ? ", one core kept busy" : ""}`,
  );
  console.log(`DynamoDB calls: ${[...calls].map(([op, n]) => `${op} ${n}`).join(", ")} (creating the send: ${callsCreate})`);
  console.log(
    JSON.stringify({
      bench: "send",
      recipients,
      busy_core: busy,
      sent: emails.length,
      duplicates,
      missing,
      rate_limit: rate,
      achieved_rate: Number(achieved.toFixed(2)),
      achieved_ratio: Number((achieved / rate).toFixed(3)),
      mjml_renders: mjmlRenderCount() - rendersBefore,
      dynamodb_calls_per_recipient: Number((callsAll / recipients).toFixed(3)),
      dynamodb_calls_per_recipient_worker: Number(((callsAll - callsCreate) / recipients).toFixed(3)),
      per_recipient_ms: Number((sendCpuMs / recipients).toFixed(3)),
      compose_ms: Number(composeMs.toFixed(3)),
      message_bytes: Math.round(bytes / deliveries.length),
    }),
  );
} finally {
  spinner?.kill();
  await stack.stop();
}
