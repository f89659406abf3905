// Counting the DynamoDB calls a request makes on the wire (the reply path's budget: GET 2, POST 3).
import { processQueueMessages } from "../../functions/send-worker/process.js";
import type { TestApp } from "../support/harness.js";

/** DynamoDB calls made during `run`, with the send worker parked (its calls are not the request's). */
export async function dynamoCalls(app: TestApp, run: () => Promise<Response>) {
  await app.ctx.queue.drained();
  const calls: string[] = [];
  const name = `count-${Math.random()}`;
  app.ctx.db.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(String(context.commandName));
      return next(args);
    },
    { step: "initialize", name },
  );
  const parked: unknown[] = [];
  app.ctx.queue.setConsumer(async (messages) => {
    parked.push(...messages);
    return { failed: [] };
  });
  try {
    const res = await run();
    return { res, body: await res.text(), calls: [...calls] };
  } finally {
    app.ctx.db.middlewareStack.remove(name);
    app.ctx.queue.setConsumer((messages) => processQueueMessages(app.ctx, messages));
    if (parked.length) await app.ctx.queue.send(parked);
    await app.ctx.queue.drained();
  }
}
