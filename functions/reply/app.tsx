// The participant's Hono app: the reply page behind the personal link, attachment links, the public archive.
import type { Context } from "hono";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AppContext } from "../../shared/context.js";
import { requestBodyLimits } from "../../shared/web/body-limits.js";
import type { WebEnv } from "../../shared/web/env.js";
import { mapError, notFoundResponse } from "../../shared/web/errors.js";
import { attachmentRoutes } from "./attachments.js";
import { replyPageRoutes } from "./reply.js";

/**
 * Everything a person opens from an email, and nothing else: no OpenAPI, no CSV, no MJML, and no
 * S3/SES/SQS client at import (the archive, an attachment download and the emails after a reply
 * load theirs on first use). The Lambda (handler.ts) and the local server (local/http.ts) serve this.
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
  // The archive reads the directory and the minutes: loaded with its first request.
  const archive = (name: "archiveIndex" | "bodyArchive" | "meetingArchive") => async (c: Context<WebEnv>) =>
    (await import("./archive.js"))[name](c);
  app.get("/arkiv", archive("archiveIndex"));
  app.get("/arkiv/mote/:meetingId", archive("meetingArchive"));
  app.get("/arkiv/:bodyId", archive("bodyArchive"));
  app.notFound(notFoundResponse);
  app.onError((err, c) => mapError(err, c, ctx.log));
  return app;
}
