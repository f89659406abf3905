/**
 * 500 reply POSTs from distinct personal links, 50 at a time, against the local server, then a
 * read-back of every reply; then 20 concurrent changes of one reply (the last wins, all 20 kept
 * in the history). Last line: JSON.   npm run bench -- replies
 */
import { personalToken } from "../shared/invitations/index.js";
import { replyHistory } from "../shared/invitations/index.js";
import { createBody, createOrganisation, importMembers, listMembers } from "../shared/store/directory.js";
import { ensureInvitations, getInvitation } from "../shared/store/invitations.js";
import { createMeeting } from "../shared/store/meetings.js";
import { percentile, startBenchStack } from "./stack.js";

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
  const org = await createOrganisation(ctx, { name: "Benchkommune", kind: "kommune" });
  const body = await createBody(ctx, { name: "Benchorgan", shortName: "B", secretariat: { name: "Nina", email: "nina@vestregionen.no" } });
  await importMembers(ctx, body.id, Array.from({ length: REQUESTS + 1 }, (_, i) => ({ name: `Deltaker ${i}`, email: `d${i}@bench.example.org`, organisation: org.name, role: "member" as const })));
  const meeting = await createMeeting(ctx, { bodyId: body.id, title: "Benchmøte", startsAt: "2030-06-01T09:00", endsAt: "2030-06-01T12:00", place: "Drammen", kind: "physical", replyDeadline: "2030-05-20T12:00" }, now);
  const invitations = await ensureInvitations(ctx, meeting.id, await listMembers(ctx, body.id), [], now);
  const key = await ctx.secrets.linkSigningKey();
  const urls = invitations.map((inv) => `${stack.baseUrl}/r/${personalToken(key, meeting.id, inv.id, inv.linkVersion)}`);
  const csrfs = await Promise.all(urls.map(csrfOf));

  const latencies: number[] = [];
  let errors = 0;
  const expected = new Map<string, string>();
  const work = invitations.slice(0, REQUESTS).map((inv, i) => async () => {
    const status = kinds[i % 3]!;
    const form = new URLSearchParams({ csrf: csrfs[i]!, status, reason: "Bench", substituteName: `Vara ${i}`, substituteEmail: `vara${i}@bench.example.org` });
    const t0 = performance.now();
    const res = await fetch(urls[i]!, { method: "POST", body: form, redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" } });
    latencies.push(performance.now() - t0);
    await res.arrayBuffer();
    if (res.status !== 303) errors++;
    else expected.set(inv.id, status);
  });
  for (let i = 0; i < work.length; i += CONCURRENCY) await Promise.all(work.slice(i, i + CONCURRENCY).map((w) => w()));
  let lost = 0;
  for (const [id, status] of expected) if ((await getInvitation(ctx, meeting.id, id))?.reply?.status !== status) lost++;

  // 20 concurrent changes of one reply.
  const last = invitations[REQUESTS]!;
  const changes = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      fetch(urls[REQUESTS]!, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrf: csrfs[REQUESTS]!, status: "absent", reason: `Endring ${i}` }),
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
