/**
 * Sends the innkalling to 2,000 generated recipients through the local stack (DynamoDB Local,
 * the in-process queue running the send-worker code, the local SES) at a configured SES rate,
 * then counts what the local SES received. Last line: JSON.
 *   npm run bench -- send [--rate=50] [--recipients=2000]
 */
import { mjmlRenderCount } from "../emails/render.js";
import { createBody, createOrganisation, importMembers } from "../shared/store/directory.js";
import { addAgendaItem, createMeeting } from "../shared/store/meetings.js";
import { createSend, sendProgress } from "../shared/sending/index.js";
import { workerStats } from "../shared/sending/index.js";
import { startBenchStack } from "./stack.js";

const arg = (name: string, dflt: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? dflt);
const recipients = arg("recipients", 2000);
const rate = arg("rate", 50);

const stack = await startBenchStack({ SES_MAX_SEND_RATE: String(rate) });
try {
  const { ctx } = stack;
  const now = ctx.clock.now();
  const org = await createOrganisation(ctx, { name: "Benchkommune", kind: "kommune" });
  const body = await createBody(ctx, { name: "Benchorgan", shortName: "B", secretariat: { name: "Nina", email: "nina@vestregionen.no" } });
  const rows = Array.from({ length: recipients }, (_, i) => ({ name: `Mottaker ${i}`, email: `m${i}@bench.example.org`, organisation: org.name, role: "member" as const }));
  await importMembers(ctx, body.id, rows);
  const meeting = await createMeeting(ctx, { bodyId: body.id, title: "Benchmøte", startsAt: "2030-06-01T09:00", endsAt: "2030-06-01T12:00", place: "Drammen", kind: "physical" }, now);
  for (let i = 0; i < 8; i++) await addAgendaItem(ctx, meeting.id, { title: `Sak ${i}`, kind: "decision", proposedDecision: "Forslaget vedtas.", subItems: [], attachmentNumbers: [] });
  await fetch(`${stack.sesEndpoint}/clear-store`, { method: "POST" });

  const rendersBefore = mjmlRenderCount();
  const started = performance.now();
  const { sendId } = await createSend(ctx, { meetingId: meeting.id, template: "invitation", audience: "all", by: "bench" });
  await ctx.queue.drained();
  const elapsedMs = performance.now() - started;
  const progress = await sendProgress(ctx, sendId);

  const { emails } = (await (await fetch(`${stack.sesEndpoint}/store`)).json()) as { emails: { destination: { to: string[] }; at: number }[] };
  const counts = new Map<string, number>();
  // Raw messages list recipients as in the To header ("Name <addr>"): count by address.
  const bare = (a: string) => /<([^>]+)>\s*$/.exec(a)?.[1] ?? a;
  for (const e of emails) for (const to of e.destination.to.map(bare)) counts.set(to, (counts.get(to) ?? 0) + 1);
  const duplicates = [...counts.values()].reduce((s, n) => s + Math.max(0, n - 1), 0);
  const missing = rows.filter((r) => !counts.has(r.email)).length;
  const sentTimes = workerStats.sentAt.slice(-emails.length).sort((a, b) => a - b);
  const spanS = sentTimes.length > 1 ? (sentTimes.at(-1)! - sentTimes[0]!) / 1000 : elapsedMs / 1000;
  console.log(`sent ${emails.length} of ${recipients} in ${(elapsedMs / 1000).toFixed(1)} s (progress: ${progress.sent} sent, ${progress.failed} failed)`);
  console.log(
    JSON.stringify({
      bench: "send",
      recipients,
      sent: emails.length,
      duplicates,
      missing,
      rate_limit: rate,
      achieved_rate: Number(((sentTimes.length - 1) / spanS).toFixed(2)),
      mjml_renders: mjmlRenderCount() - rendersBefore,
      per_recipient_ms: Number((workerStats.composeMs / Math.max(1, workerStats.composed)).toFixed(2)),
    }),
  );
} finally {
  await stack.stop();
}
