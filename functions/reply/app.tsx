// The participant's Hono app: the reply page behind the personal link and the attachment links (also the archive's).
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AppContext } from "../../shared/context.js";
import { requestBodyLimits } from "../../shared/web/body-limits.js";
import type { WebEnv } from "../../shared/web/env.js";
import { mapError, notFoundResponse } from "../../shared/web/errors.js";
import { attachmentRoutes } from "./attachments.js";
import { replyPageRoutes } from "./reply.js";

/**
 * What a person opens from an email, and nothing else: no OpenAPI, no CSV, no MJML, no full zod,
 * and no S3/SES/SQS client at import (an attachment download and the queue message after a reply
 * load theirs on first use). The public archive's pages are the api Lambda's (functions/api/web/archive.tsx). The Lambda (handler.ts) and the local server (local/http.ts) serve this.
 */
export function createReplyApp(ctx: AppContext) {
  const app = new Hono<WebEnv>();
  app.use("*", async (c, next) => {
    c.set("ctx", ctx);
    await next();
  });
  // No referrer (the personal link must not leak), no framing, scripts and styles only as our files.
  const self = ["'self'"];
  app.use(
    "*",
    secureHeaders({
      referrerPolicy: "no-referrer",
      crossOriginEmbedderPolicy: false,
      xFrameOptions: "DENY",
      contentSecurityPolicy: {
        defaultSrc: self,
        scriptSrc: self,
        styleSrc: self,
        imgSrc: [...self, "data:"],
        formAction: self,
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use("*", requestBodyLimits);
  app.route("/", replyPageRoutes());
  app.route("/", attachmentRoutes());
  app.notFound(notFoundResponse);
  app.onError((err, c) => mapError(err, c, ctx.log));
  return app;
}
