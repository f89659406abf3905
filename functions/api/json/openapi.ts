/** The OpenAPI helper: each JSON operation reads as method, path, operationId, input schemas, output, and stays typed. */
import { type RouteConfig, z } from "@hono/zod-openapi";
import { t } from "../../../shared/i18n/nb.js";

const r = t.apiDocs.responses;

const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

const problemContent = { "application/problem+json": { schema: ProblemSchema } };
const problemResponses = {
  400: { description: r.invalid, content: problemContent },
  401: { description: r.unauthorized, content: problemContent },
  404: { description: r.notFound, content: problemContent },
  409: { description: r.conflict, content: problemContent },
};

type OkStatus = 200 | 201 | 202;

interface OpConfig {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  operationId: string;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: z.ZodType;
  /** The success statuses and what each means; { 200: "OK" } when not given. */
  ok?: Partial<Record<OkStatus, string>>;
  response: z.ZodType;
}

/*
 * The route's type spelled out from the config, so that c.req.valid("param" | "query" | "json")
 * and c.json(…, status) are checked against the very schemas the OpenAPI document shows.
 */
type JsonContent<S> = { content: { "application/json": { schema: S } } };
type Part<C extends OpConfig, K extends "params" | "query" | "headers"> = C[K] extends z.ZodType
  ? { [P in K]: C[K] }
  : Record<never, never>;
type BodyOf<C extends OpConfig> = C["body"] extends z.ZodType
  ? { body: JsonContent<C["body"]> & { required: true } }
  : Record<never, never>;
type Security = { [scheme: string]: string[] }[];
type OkOf<C extends OpConfig> = C["ok"] extends object ? Extract<keyof C["ok"], OkStatus> : 200;
type JsonRoute<C extends OpConfig> = {
  method: C["method"];
  path: C["path"];
  operationId: string;
  summary: string;
  security: Security;
  request: Part<C, "params"> & Part<C, "query"> & Part<C, "headers"> & BodyOf<C>;
  responses: { [S in OkOf<C>]: JsonContent<C["response"]> & { description: string } } & typeof problemResponses;
};

export function jsonOp<const C extends OpConfig>(cfg: C): JsonRoute<C> {
  const ok = cfg.ok ?? { 200: r.ok };
  const security: Security = [{ bearer: [] }, { cookie: [] }];
  const route = {
    method: cfg.method,
    path: cfg.path,
    operationId: cfg.operationId,
    summary: cfg.summary,
    // Either a bearer token (scripts) or the session cookie (our own pages' scripts).
    security,
    request: {
      ...(cfg.params ? { params: cfg.params } : {}),
      ...(cfg.query ? { query: cfg.query } : {}),
      ...(cfg.headers ? { headers: cfg.headers } : {}),
      ...(cfg.body ? { body: { content: { "application/json": { schema: cfg.body } }, required: true } } : {}),
    },
    responses: {
      ...Object.fromEntries(
        Object.entries(ok).map(([status, description]) => [
          status,
          { description, content: { "application/json": { schema: cfg.response } } },
        ]),
      ),
      ...problemResponses,
    },
  } satisfies RouteConfig;
  // Built by the very rules JsonRoute spells out; TypeScript cannot follow the conditional spreads.
  return route as unknown as JsonRoute<C>;
}

export const IdParam = z.object({ id: z.string().min(1).max(64) });
export const ItemParams = z.object({ id: z.string().min(1).max(64), itemId: z.string().min(1).max(64) });
