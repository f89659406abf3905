/** The secretariat's JSON API under /api: login required (token or session), one module per resource, and its OpenAPI document. */
import { OpenAPIHono } from "@hono/zod-openapi";
import { t } from "../../../shared/i18n/nb.js";
import { validationProblem } from "../../../shared/web/problem.js";
import type { AppEnv } from "../env.js";
import { requireApiAuth } from "../guard.js";
import { agendaApi } from "./agenda.js";
import { attachmentsApi } from "./attachments.js";
import { directoryApi } from "./directory.js";
import { meetingsApi } from "./meetings.js";
import { membersApi } from "./members.js";
import { minutesApi } from "./minutes.js";
import { repliesApi } from "./replies.js";
import { sendsApi } from "./sends.js";

/** An OpenAPIHono whose input that fails its schema is a 400 problem listing the fields at fault. */
export const openApiApp = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return validationProblem(c, result.error);
    },
  });

export function jsonApi() {
  const api = openApiApp();
  // Every API route needs a login; the OpenAPI document itself is public.
  api.use("*", async (c, next) => (c.req.path === "/api/openapi.json" ? next() : requireApiAuth(c, next)));
  for (const resource of [directoryApi, membersApi, meetingsApi, agendaApi, attachmentsApi, sendsApi, repliesApi, minutesApi])
    api.route("/", resource());
  api.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  api.openAPIRegistry.registerComponent("securitySchemes", "cookie", { type: "apiKey", in: "cookie", name: "sid" });
  api.doc("/openapi.json", { openapi: "3.1.0", info: { title: t.apiDocs.title, version: "1" } });
  return api;
}
