// One tick: run the scheduled jobs that are due, with every job kind's handler.
import type { AppContext } from "../context.js";
import { runDueJobs } from "../jobs/index.js";
import { jobHandlers } from "./handlers.js";

/** One tick (every minute in AWS, a timer locally): run the scheduled jobs that are due. */
export async function runTick(ctx: AppContext): Promise<{ ran: number; failed: number }> {
  return runDueJobs(ctx, jobHandlers);
}
