// What the local Node server serves on one port: the reply and api apps, routed by path as API Gateway does.
import type { Hono } from "hono";
import { createApp } from "../functions/api/app.js";
import { createReplyApp } from "../functions/reply/app.js";
import { servedByReply } from "../functions/reply/paths.js";
import type { AppContext } from "../shared/context.js";

/**
 * In AWS the HTTP API routes the participant's paths (functions/reply/paths.ts) to the reply Lambda
 * and everything else to the api Lambda; here one fetch does the same, so tests and `npm start`
 * see the deployed shape.
 */
export function createLocalHttp(ctx: AppContext, opts: { demoLoginEmail?: string } = {}): Pick<Hono, "fetch"> {
  const api = createApp(ctx);
  const reply = createReplyApp(ctx);
  return {
    fetch: (request, env, executionCtx) => {
      // The Node server's bindings (its socket), plus, locally only, the demo user the login page names.
      const bindings = { ...(env as object | undefined), demoLoginEmail: opts.demoLoginEmail };
      return (servedByReply(request.method, new URL(request.url).pathname) ? reply : api).fetch(request, bindings, executionCtx);
    },
  };
}
