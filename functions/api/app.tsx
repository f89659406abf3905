import { OpenAPIHono } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { s3UploadOrigin } from "../../shared/config.js";
import type { AppContext } from "../../shared/context.js";
import { t } from "../../shared/i18n/nb.js";
import { ConflictError, InvalidError, NotFoundError } from "../../shared/errors.js";
import { problem, validationProblem } from "../../shared/web/problem.js";
import { MessagePage } from "../../shared/web/layout.js";
import { directoryRoutes } from "./routes/directory.js";
import { healthRoutes } from "./routes/health.js";
import { meetingRoutes } from "./routes/meetings.js";
import { replyRoutes } from "./routes/reply.js";
import { attachmentRoutes } from "./routes/attachments.js";
import { archiveRoutes } from "./routes/archive.js";
import { staticRoutes } from "../../shared/web/static-routes.js";
import { authRoutes } from "./routes/auth.js";
import { requireApiAuth } from "./middleware/auth.js";
import { requestBodyLimits } from "../../shared/web/body-limits.js";
import { secretariatPages } from "./pages/secretariat.js";
import { tokenPages } from "./pages/tokens.js";
import { repliesApiRoutes } from "./routes/replies-api.js";
import { minutesApiRoutes } from "./routes/minutes-api.js";
import { sendRoutes } from "./routes/sends.js";

export type AppEnv = { Variables: { ctx: AppContext } };

/**
 * The whole HTTP surface, as one Hono app. The Lambda (functions/api/handler.ts) and the local
 * Node server (local/start.ts) both serve exactly this.
 */
export function createApp(ctx: AppContext) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return validationProblem(c, result.error);
    },
  });

  app.use("*", async (c, next) => {
    c.set("ctx", ctx);
    await next();
  });
  // On every response: nosniff, no referrer (personal links must not leak in Referer), and a CSP
  // that allows scripts and styles only as files from us (views/assets.ts) and no framing at all.
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
  app.route("/", replyRoutes());
  app.route("/", attachmentRoutes());
  app.route("/", archiveRoutes());
  app.route("/", authRoutes());

  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return validationProblem(c, result.error);
    },
  });
  // Every API route needs a login; the OpenAPI document itself is public.
  api.use("*", async (c, next) => (c.req.path === "/api/openapi.json" ? next() : requireApiAuth(c, next)));
  api.route("/", directoryRoutes());
  api.route("/", meetingRoutes());
  api.route("/", sendRoutes());
  api.route("/", repliesApiRoutes());
  api.route("/", minutesApiRoutes());
  api.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  api.openAPIRegistry.registerComponent("securitySchemes", "cookie", { type: "apiKey", in: "cookie", name: "sid" });
  api.doc("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Møteinnkalling – sekretariatets API", version: "1" },
  });
  app.route("/api", api);
  app.route("/", secretariatPages());
  app.route("/", tokenPages());

  app.notFound((c) => {
    if (wantsJson(c.req.path, c.req.header("accept"))) return problem(c, 404, t.api.notFoundTitle, t.api.routeNotFound);
    return c.html(`<!doctype html>${<MessagePage title="Siden finnes ikke" message={t.api.routeNotFound} />}`, 404);
  });

  app.onError((err, c) => {
    // Pages get a page; the API gets problem details.
    if (!wantsJson(c.req.path, c.req.header("accept")) && (err instanceof NotFoundError || err instanceof ConflictError || err instanceof InvalidError)) {
      const [status, title] = err instanceof NotFoundError ? [404, t.api.notFoundTitle] : err instanceof ConflictError ? [409, t.api.conflictTitle] : [400, t.api.validationTitle];
      return c.html(`<!doctype html>${<MessagePage title={title} message={err.message} />}`, status as 404);
    }
    if (err instanceof NotFoundError) return problem(c, 404, t.api.notFoundTitle, err.message);
    if (err instanceof ConflictError) return problem(c, 409, t.api.conflictTitle, err.message);
    if (err instanceof InvalidError) {
      return problem(c, 400, t.api.validationTitle, err.message, {
        type: "https://moter.example.org/problemer/ugyldig-input",
        errors: err.errors,
      });
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      if (status === 400 && /JSON/i.test(err.message)) return problem(c, 400, t.api.validationTitle, t.api.badJson);
      return problem(c, status as 400, err.message || t.api.validationTitle);
    }
    ctx.log.error("unhandled error", { err, path: c.req.path, method: c.req.method });
    if (!wantsJson(c.req.path, c.req.header("accept"))) return c.html(`<!doctype html>${<MessagePage title={t.api.internalTitle} message={t.api.internal} />}`, 500);
    return problem(c, 500, t.api.internalTitle, t.api.internal);
  });

  return app;
}

function wantsJson(path: string, accept: string | undefined): boolean {
  return path.startsWith("/api") || (accept ?? "").includes("application/json");
}
