/** The minutes as the API and the page show them: with the state of their scheduled distribution. */
import { z } from "zod";
import type { AppContext } from "../../shared/context.js";
import { getJob } from "../../shared/jobs/index.js";
import type { Minutes } from "../../shared/minutes/index.js";

export const Distribution = z.object({
  status: z.string(),
  dueAt: z.string(),
  lastError: z.string().optional(),
  finishedAt: z.string().optional(),
});
export type MinutesView = Minutes & { distribution?: z.infer<typeof Distribution> };

export async function minutesWithDistribution(ctx: AppContext, m: Minutes): Promise<MinutesView> {
  const job = m.scheduledJobId ? await getJob(ctx, m.scheduledJobId) : undefined;
  return {
    ...m,
    ...(job
      ? { distribution: { status: job.status, dueAt: job.dueAt, lastError: job.lastError, finishedAt: job.finishedAt } }
      : {}),
  };
}
