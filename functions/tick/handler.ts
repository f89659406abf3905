import { loadConfig } from "../../shared/config.js";
import { createAwsContext } from "../../shared/context.js";
import { runTick } from "../../shared/jobs/tick.js";

const config = loadConfig();
if (config.APP_ENV !== "aws") throw new Error("the tick Lambda runs with APP_ENV=aws");
const ctx = createAwsContext(config, "tick");

/** Thin entry point: EventBridge calls this every minute; it runs the jobs that are due. */
export async function handler(): Promise<{ ran: number; failed: number }> {
  return runTick(ctx);
}
