// The bench's local stack (the one local/stack.ts starts, on free ports, in memory) and its percentile helper.

import { startLocalStack } from "../local/stack.js";
import { InProcessQueue } from "../shared/adapters/in-process-queue.js";
import type { AppContext } from "../shared/context.js";
import { createBody, createOrganisation, importMemberList } from "../shared/directory/index.js";
import { createMeeting } from "../shared/meetings/index.js";

/** The local stack for a benchmark: DynamoDB Local (in memory), the local SES, the local S3, the app on a free port. */
export async function startBenchStack(env: Record<string, string> = {}) {
  const stack = await startLocalStack({
    env: { TABLE_NAME: "bench", LOG_LEVEL: "error", ...env },
    queue: new InProcessQueue({ retryDelayMs: 200, concurrency: 2 }),
    tickEveryMs: 3_600_000,
  });
  return { ctx: stack.app.ctx, baseUrl: stack.app.baseUrl, sesEndpoint: stack.services.sesEndpoint, stop: stack.stop };
}

/** A body with `members` generated members of one kommune, and a meeting in 2030: what each bench starts from. */
export async function seedBenchMeeting(ctx: AppContext, opts: { members: number; prefix: string; replyDeadline?: string }) {
  const org = await createOrganisation(ctx, { name: "Benchkommune", kind: "kommune" });
  const body = await createBody(ctx, {
    name: "Benchorgan",
    shortName: "B",
    secretariat: { name: "Nina", email: "nina@vestregionen.no" },
  });
  const rows = Array.from({ length: opts.members }, (_, i) => ({
    name: `Deltaker ${i}`,
    email: `${opts.prefix}${i}@bench.example.org`,
    organisation: org.name,
    role: "member" as const,
  }));
  await importMemberList(ctx, body.id, rows);
  const meeting = await createMeeting(
    ctx,
    {
      bodyId: body.id,
      title: "Benchmøte",
      startsAt: "2030-06-01T09:00",
      endsAt: "2030-06-01T12:00",
      place: "Drammen",
      kind: "physical",
      ...(opts.replyDeadline ? { replyDeadline: opts.replyDeadline } : {}),
    },
    ctx.clock.now(),
  );
  return { org, body, meeting, emails: rows.map((r) => r.email) };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
