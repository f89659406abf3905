// The local send worker and tick: the in-process queue's consumer and a timer, on the Lambdas' code.
import type { LocalContext } from "./context.js";
import { loadDemoDataIfEmpty } from "./demo-data.js";

/**
 * The local stand-ins for the send-worker and tick Lambdas: the in-process queue hands batches to
 * the same worker code, and a timer calls the same tick.
 */
export function attachWorkers(ctx: LocalContext, opts: { tickEveryMs?: number } = {}) {
  let tickTimer: NodeJS.Timeout | undefined;
  let consumerAttached = false;
  const attach = async () => {
    const { processQueueMessages } = await import("../functions/send-worker/process.js");
    const { runTick } = await import("../shared/job-kinds/index.js");
    ctx.queue.setConsumer((messages) => processQueueMessages(ctx, messages));
    consumerAttached = true;
    const tick = () => runTick(ctx).catch((err) => ctx.log.error("tick failed", { err }));
    tickTimer = setInterval(tick, opts.tickEveryMs ?? 15_000);
  };
  const ready = attach();
  return {
    ready,
    get consumerAttached() {
      return consumerAttached;
    },
    loadDemoDataIfEmpty: async () => {
      await ready;
      return loadDemoDataIfEmpty(ctx);
    },
    stop() {
      if (tickTimer) clearInterval(tickTimer);
      ctx.queue.stop();
    },
  };
}
