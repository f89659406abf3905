// Clients of the api handler in the handler tests: a browser keeping cookies, and the JSON API with an API token.
import { addUser, createApiToken } from "../../shared/auth/index.js";
import { DOMAIN, type EventBody, httpApiEvent, lambdaContext } from "./aws-events.js";
import type { HandlerEnv } from "./handler-env.js";

/** A client of the JSON API through the api handler, with an API token made the way the CLI makes it. */
export async function apiTokenClient(env: HandlerEnv, email = "sekretariat@vestregionen.no") {
  await addUser(env.ctx, email);
  const token = await createApiToken(env.ctx, email, env.clock.now(), { days: 3650 });
  return async <T = any>(method: string, path: string, data?: unknown): Promise<{ status: number; body: T }> => {
    const result = await env.api(
      httpApiEvent(method, path, {
        headers: { authorization: `Bearer ${token}`, accept: "application/json" },
        ...(data === undefined ? {} : { body: { text: JSON.stringify(data), type: "application/json" } }),
      }),
      lambdaContext("api"),
    );
    return { status: result.statusCode, body: JSON.parse(result.body || "null") as T };
  };
}

/**
 * A browser over the api handler: keeps the cookies API Gateway returns in the result's `cookies`
 * (Set-Cookie) and sends them back in the event's `cookies` array; posts forms as API Gateway passes
 * them (base64, isBase64Encoded), urlencoded or multipart; follows nothing.
 */
export function eventBrowser(env: HandlerEnv, opts: { sourceIp?: string } = {}) {
  const jar = new Map<string, string>();
  const send = async (method: string, target: string, body?: EventBody, headers: Record<string, string> = {}) => {
    const event = httpApiEvent(method, target, {
      cookies: [...jar].map(([k, v]) => `${k}=${v}`),
      ...(body ? { body } : {}),
      headers: { ...(method === "GET" ? {} : { origin: `https://${DOMAIN}` }), ...headers },
      ...(opts.sourceIp ? { sourceIp: opts.sourceIp } : {}),
    });
    const result = await env.api(event, lambdaContext("api"));
    for (const c of result.cookies ?? []) {
      const [pair] = c.split(";");
      const [k, v] = pair!.split("=") as [string, string];
      if (v === "" || /Max-Age=0/i.test(c)) jar.delete(k);
      else jar.set(k, v);
    }
    const text = result.isBase64Encoded ? Buffer.from(result.body, "base64").toString("utf8") : result.body;
    return {
      event,
      result,
      status: result.statusCode,
      headers: result.headers ?? {},
      cookies: result.cookies ?? [],
      location: result.headers?.location,
      text,
    };
  };
  return {
    jar,
    get: (target: string) => send("GET", target),
    postForm: (target: string, fields: Record<string, string>) =>
      send("POST", target, {
        bytes: new TextEncoder().encode(new URLSearchParams(fields).toString()),
        type: "application/x-www-form-urlencoded",
      }),
    postMultipart: async (target: string, form: FormData) => {
      // The bytes and boundary a browser would send for this form.
      const encoded = new Request(`https://${DOMAIN}/`, { method: "POST", body: form });
      return send("POST", target, {
        bytes: new Uint8Array(await encoded.arrayBuffer()),
        type: encoded.headers.get("content-type")!,
      });
    },
    /** The JSON API from our own pages: the session cookie and the CSRF value in X-CSRF-Token. */
    json: async <T = any>(method: string, target: string, data?: unknown) => {
      const res = await send(
        method,
        target,
        data === undefined ? undefined : { text: JSON.stringify(data), type: "application/json" },
        { accept: "application/json", "x-csrf-token": jar.get("csrf") ?? "" },
      );
      return { ...res, body: JSON.parse(res.text || "null") as T };
    },
  };
}
