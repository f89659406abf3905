// Reply-path benchmarks: DynamoDB calls per request on the wire, then 500 concurrent reply posts and 20 changes of one reply.
/**
 * First the DynamoDB calls per request, counted on the wire by an SDK middleware the bench puts on
 * the context's client (the send worker is parked meanwhile, so only the request is counted):
 * GET of the reply page, a plain reply POST, a substitute reply POST. Then 500 reply POSTs from
 * distinct personal links, 50 at a time, and a read-back of every reply; then 20 concurrent
 * changes of one reply (the last wins, all 20 kept in the history). JSON lines.
 *   npm run bench -- replies
 */
import { processQueueMessages } from "../functions/send-worker/process.js";
import { listMembers } from "../shared/directory/index.js";
import { ensureInvitations, getInvitation, personalToken, replyHistory } from "../shared/invitations/index.js";
import { createSend } from "../shared/sending/index.js";
import { percentile, seedBenchMeeting, startBenchStack } from "./stack.js";

const REQUESTS = 500;
const CONCURRENCY = 50;
// One client posts for 500 participants here, so the per-client reply limit is lifted (it has its own test).
const stack = await startBenchStack({ SES_MAX_SEND_RATE: "1000", REPLY_POSTS_PER_CLIENT_PER_HOUR: "100000" });

async function csrfOf(url: string): Promise<string> {
  const html = await (await fetch(url)).text();
  return /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
}

try {
  const { ctx } = stack;
  const now = ctx.clock.now();
  const kinds = ["attending", "absent", "substitute"] as const;
  const { body, meeting } = await seedBenchMeeting(ctx, {
    members: REQUESTS + 2,
    prefix: "d",
    replyDeadline: "2030-05-20T12:00",
  });
  const invitations = await ensureInvitations(ctx, meeting.id, await listMembers(ctx, body.id), [], now);
  // A send freezes the meeting's snapshot (as in real use: a participant's link comes from one).
  await createSend(ctx, {
    meetingId: meeting.id,
    template: "invitation",
    audience: { invitationIds: [invitations[0]!.id] },
    by: "bench",
  });
  await ctx.queue.drained();
  const key = await ctx.secrets.linkSigningKey();
  const urls = invitations.map((inv) => `${stack.baseUrl}/r/${personalToken(key, meeting.id, inv.id, inv.linkVersion)}`);
  const csrfs = await Promise.all(urls.map(csrfOf));

  // Calls per request, on the wire (x-amz-target of each HTTP request the SDK makes).
  let calls: string[] = [];
  ctx.db.middlewareStack.add(
    (next) => async (args) => {
      const target = (args.request as { headers?: Record<string, string> }).headers?.["x-amz-target"];
      if (target) calls.push(target.replace("DynamoDB_20120810.", ""));
      return next(args);
    },
    { step: "finalizeRequest", name: "benchCallCounter" },
  );
  const parked: unknown[] = [];
  ctx.queue.setConsumer(async (messages) => {
    parked.push(...messages);
    return { failed: [] };
  });
  const counted = async (what: string, request: () => Promise<Response>) => {
    calls = [];
    const res = await request();
    await res.arrayBuffer();
    const byKind: Record<string, number> = {};
    for (const c of calls) byKind[c] = (byKind[c] ?? 0) + 1;
    console.log(
      JSON.stringify({
        bench: "replies-calls",
        request: what,
        status: res.status,
        dynamodb_calls: calls.length,
        by_operation: byKind,
      }),
    );
  };
  const post = (i: number, fields: Record<string, string>) =>
    fetch(urls[i]!, {
      method: "POST",
      body: new URLSearchParams({ csrf: csrfs[i]!, ...fields }),
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
  await counted("GET /r/<token>", () => fetch(urls[0]!));
  await counted("POST /r/<token> attending", () => post(0, { status: "attending" }));
  await counted("POST /r/<token> absent (change)", () => post(0, { status: "absent", reason: "Bench" }));
  await counted("POST /r/<token> substitute (new address)", () =>
    post(0, { status: "substitute", substituteName: "Vara", substituteEmail: "vara@bench.example.org" }),
  );
  ctx.queue.setConsumer((messages) => processQueueMessages(ctx, messages));
  await ctx.queue.send(parked);
  await ctx.queue.drained();

  const latencies: number[] = [];
  let errors = 0;
  const expected = new Map<string, string>();
  // Link 0 was used for the counts above.
  const work = invitations.slice(1, REQUESTS + 1).map((inv, j) => async () => {
    const i = j + 1;
    const status = kinds[i % 3]!;
    const form = new URLSearchParams({
      csrf: csrfs[i]!,
      status,
      reason: "Bench",
      substituteName: `Vara ${i}`,
      substituteEmail: `vara${i}@bench.example.org`,
    });
    const t0 = performance.now();
    const res = await fetch(urls[i]!, {
      method: "POST",
      body: form,
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    latencies.push(performance.now() - t0);
    await res.arrayBuffer();
    if (res.status !== 303) errors++;
    else expected.set(inv.id, status);
  });
  for (let i = 0; i < work.length; i += CONCURRENCY) await Promise.all(work.slice(i, i + CONCURRENCY).map((w) => w()));
  let lost = 0;
  for (const [id, status] of expected) if ((await getInvitation(ctx, meeting.id, id))?.reply?.status !== status) lost++;

  // 20 concurrent changes of one reply.
  const last = invitations[REQUESTS + 1]!;
  const changes = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      fetch(urls[REQUESTS + 1]!, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrf: csrfs[REQUESTS + 1]!, status: "absent", reason: `Endring ${i}` }),
      }).then((r) => r.status),
    ),
  );
  const history = await replyHistory(ctx, meeting.id, last.id);
  const final = await getInvitation(ctx, meeting.id, last.id);
  const newest = history.at(-1);
  await ctx.queue.drained();
  latencies.sort((a, b) => a - b);
  console.log(
    `concurrent changes: ${changes.filter((s) => s === 303).length}/20 accepted, history ${history.length}, current "${final?.reply?.reason}" = newest in history "${newest?.reason}": ${final?.reply?.reason === newest?.reason}`,
  );
  console.log(
    JSON.stringify({
      bench: "replies",
      requests: REQUESTS,
      concurrency: CONCURRENCY,
      errors,
      lost,
      p50_ms: Number(percentile(latencies, 50).toFixed(1)),
      p95_ms: Number(percentile(latencies, 95).toFixed(1)),
      p99_ms: Number(percentile(latencies, 99).toFixed(1)),
      same_reply_changes: 20,
      same_reply_history: history.length,
      last_wins: final?.reply?.reason === newest?.reason,
    }),
  );
} finally {
  await stack.stop();
}
