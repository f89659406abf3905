/** The api Lambda's Hono app: the secretariat's web pages and the JSON API, with the headers, limits and error mapping every response gets. */
import { secureHeaders } from "hono/secure-headers";
import { s3UploadOrigin } from "../../shared/config.js";
import type { AppContext } from "../../shared/context.js";
import { requestBodyLimits } from "../../shared/web/body-limits.js";
import { mapError, notFoundResponse } from "../../shared/web/errors.js";
import { staticRoutes } from "../../shared/web/static-routes.js";
import { healthRoutes } from "./health.js";
import { jsonApi, openApiApp } from "./json/api.js";
import { archivePages } from "./web/archive.js";
import { secretariatPages } from "./web/index.js";

/**
 * The Lambda (functions/api/handler.ts) and the local Node server (local/http.ts, which sends the
 * participant's paths to functions/reply instead) both serve exactly this.
 */
export function createApp(ctx: AppContext) {
  const app = openApiApp();
  app.use("*", async (c, next) => {
    c.set("ctx", ctx);
    await next();
  });
  // On every response: nosniff, no referrer (personal links must not leak in Referer), and a CSP
  // that allows scripts and styles only as files from us (shared/web/assets.ts) and no framing at all.
  // overwrite: false lets a response set its own, stricter policy (the sandboxed email preview).
  app.use(
    "*",
    secureHeaders({
      overwrite: false,
      referrerPolicy: "no-referrer",
      crossOriginEmbedderPolicy: false,
      xFrameOptions: "DENY",
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'", s3UploadOrigin(ctx.config)], // attachment uploads post straight to S3
        frameAncestors: ["'none'"],
      },
    }),
  );
  // After the headers middleware, so a 413 carries nosniff and the CSP too.
  app.use("*", requestBodyLimits);

  app.route("/", healthRoutes());
  app.route("/", staticRoutes());
  app.route("/api", jsonApi());
  // The public archive, no login (its attachment links are the reply Lambda's).
  app.route("/", archivePages());
  app.route("/", secretariatPages());

  app.notFound(notFoundResponse);
  // An AppError becomes a problem (API) or a page (web) with its status; anything else a 500 that tells nothing.
  app.onError((err, c) => mapError(err, c, ctx.log));
  return app;
}
