import { createRoute, type RouteConfig, z } from "@hono/zod-openapi";

/** Small helpers so each operation reads as: method, path, operationId, input schemas, output. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

const problemResponses = {
  400: { description: "Ugyldige data", content: { "application/problem+json": { schema: ProblemSchema } } },
  401: { description: "Ikke innlogget", content: { "application/problem+json": { schema: ProblemSchema } } },
  404: { description: "Finnes ikke", content: { "application/problem+json": { schema: ProblemSchema } } },
  409: { description: "Konflikt", content: { "application/problem+json": { schema: ProblemSchema } } },
};

export function jsonOp<const P extends string>(cfg: {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: P;
  operationId: string;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  headers?: z.ZodObject;
  status?: 200 | 201 | 202;
  response: z.ZodType;
}) {
  const route: RouteConfig = {
    method: cfg.method,
    path: cfg.path,
    operationId: cfg.operationId,
    summary: cfg.summary,
    security: [{ bearer: [] }, { cookie: [] }],
    request: {
      ...(cfg.params ? { params: cfg.params } : {}),
      ...(cfg.query ? { query: cfg.query } : {}),
      ...(cfg.headers ? { headers: cfg.headers } : {}),
      ...(cfg.body ? { body: { content: { "application/json": { schema: cfg.body } }, required: true } } : {}),
    },
    responses: {
      [cfg.status ?? 200]: { description: "OK", content: { "application/json": { schema: cfg.response } } },
      ...problemResponses,
    },
  };
  return createRoute(route as RouteConfig & { path: P });
}

export const IdParam = z.object({ id: z.string().min(1).max(64) });
