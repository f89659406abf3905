// The smoke checks themselves: what a running system must answer on each public path, read-only.
import { randomBytes } from "node:crypto";
import { t } from "../shared/i18n/nb.js";
import { validateOpenApi31 } from "./openapi-check.js";
import { CheckFailed, expect } from "./smoke-assert.js";

export interface SmokeResult {
  name: string;
  ok: boolean;
  detail: string;
}

/** Operations a client of the API relies on; the OpenAPI document must name each of them. */
export const EXPECTED_OPERATION_IDS = [
  "listBodies",
  "createMeeting",
  "getMeeting",
  "sendInvitations",
  "getSend",
  "listReplies",
  "recordReply",
  "revokeLink",
] as const;

const TIMEOUT_MS = 15_000;
/** Over the 64 kB limit of the public forms (shared/web/body-limits.ts). */
const OVERSIZED_BYTES = 100 * 1024;

type Check = { name: string; run: () => Promise<string> };

/** Runs every check against baseUrl (e.g. https://moter.vestregionen.no); never throws for a failed check. */
export async function runSmoke(baseUrl: string): Promise<SmokeResult[]> {
  const base = normaliseBaseUrl(baseUrl);
  const get = (path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, { redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS), ...init });

  const checks: Check[] = [
    {
      name: "health",
      run: async () => {
        const res = await get("/health", { headers: { accept: "application/json" } });
        await expectStatus(res, 200, `GET /health`);
        expect(
          isType(res, "application/json"),
          `GET /health content-type is ${quote(res.headers.get("content-type"))}, expected application/json`,
        );
        const body = (await jsonOf(res)) as { status?: unknown; table?: unknown; tableMs?: unknown } | undefined;
        expect(body && typeof body === "object", "GET /health body is not a JSON object");
        expect(body.status === "ok", `GET /health status is ${JSON.stringify(body.status)}, expected "ok"`);
        expect(body.table === "reachable", `GET /health table is ${JSON.stringify(body.table)}, expected "reachable"`);
        return `200 JSON, status ok, table reachable${typeof body.tableMs === "number" ? ` (${body.tableMs} ms)` : ""}`;
      },
    },
    {
      name: "login page",
      run: async () => {
        const res = await get("/logg-inn", { headers: { accept: "text/html" } });
        await expectStatus(res, 200, `GET /logg-inn`);
        expect(
          isType(res, "text/html"),
          `GET /logg-inn content-type is ${quote(res.headers.get("content-type"))}, expected text/html`,
        );
        const html = await res.text();
        const form = /<form\b[^>]*>[\s\S]*?<\/form>/i.exec(html)?.[0];
        expect(form, "GET /logg-inn has no <form>");
        expect(/\bmethod="post"/i.test(form), 'the login form is not method="post"');
        const csrf = /<input\b(?=[^>]*\bname="csrf")(?=[^>]*\btype="hidden")[^>]*\bvalue="([^"]+)"/i.exec(form)?.[1];
        expect(csrf, "the login form has no hidden csrf field with a value");
        expect(/<input\b[^>]*\bname="email"/i.test(form), "the login form has no email field");
        return "200 HTML with a POST form, a hidden csrf field and an email field";
      },
    },
    {
      name: "openapi document",
      run: async () => {
        const res = await get("/api/openapi.json", { headers: { accept: "application/json" } });
        await expectStatus(res, 200, `GET /api/openapi.json`);
        expect(
          isType(res, "application/json"),
          `GET /api/openapi.json content-type is ${quote(res.headers.get("content-type"))}, expected application/json`,
        );
        const doc = await jsonOf(res);
        const { operationIds, paths } = validateOpenApi31(doc);
        const missing = EXPECTED_OPERATION_IDS.filter((id) => !operationIds.has(id));
        expect(missing.length === 0, `operationIds missing: ${missing.join(", ")}`);
        return `OpenAPI ${(doc as { openapi: string }).openapi}, ${paths} paths, ${operationIds.size} operations, the ${EXPECTED_OPERATION_IDS.length} expected operationIds present`;
      },
    },
    {
      name: "forged personal link",
      run: async () => {
        const path = `/r/${forgedToken()}`;
        const res = await get(path, { headers: { accept: "text/html" } });
        await expectStatus(res, 404, `GET ${path}`);
        expect(
          isType(res, "text/html"),
          `GET ${path} content-type is ${quote(res.headers.get("content-type"))}, expected text/html`,
        );
        const cacheControl = res.headers.get("cache-control") ?? "";
        expect(
          /\bno-store\b/i.test(cacheControl),
          `GET ${path} Cache-Control is ${quote(cacheControl || null)}, expected no-store`,
        );
        const html = await res.text();
        expect(html.includes(t.reply.notFoundTitle), `GET ${path} is not the Norwegian "${t.reply.notFoundTitle}" page`);
        return `404 "${t.reply.notFoundTitle}", Cache-Control: ${cacheControl}`;
      },
    },
    {
      name: "api without login",
      run: async () => {
        const res = await get("/api/bodies", { headers: { accept: "application/json" } });
        await expectStatus(res, 401, `GET /api/bodies without login`);
        expect(
          isType(res, "application/problem+json"),
          `GET /api/bodies content-type is ${quote(res.headers.get("content-type"))}, expected application/problem+json`,
        );
        const body = (await jsonOf(res)) as { status?: unknown; title?: unknown } | undefined;
        expect(body && typeof body === "object", "GET /api/bodies body is not a JSON object");
        expect(body.status === 401, `problem status is ${JSON.stringify(body.status)}, expected 401`);
        expect(typeof body.title === "string" && body.title.length > 0, "problem has no title");
        return `401 problem+json "${body.title}"`;
      },
    },
    {
      name: "security headers",
      run: async () => {
        const res = await get("/logg-inn", { headers: { accept: "text/html" } });
        await res.body?.cancel();
        // Every problem at once: an operator fixing headers wants the whole list.
        const problems: string[] = [];
        if (res.status !== 200 || !isType(res, "text/html")) {
          problems.push(
            `GET /logg-inn is not a 200 HTML page (${res.status}, content-type ${quote(res.headers.get("content-type"))})`,
          );
        }
        const policy = parseCsp(res.headers.get("content-security-policy"));
        // Without script-src the browser falls back to default-src; with neither, anything runs.
        const scripts = policy?.get("script-src") ?? policy?.get("default-src");
        if (!policy) problems.push("no Content-Security-Policy header");
        else {
          const ancestors = policy.get("frame-ancestors")?.join(" ");
          if (ancestors !== "'none'") problems.push(`CSP frame-ancestors is ${quote(ancestors)}, expected 'none'`);
          if (!scripts) problems.push("CSP has neither script-src nor default-src");
          else if (scripts.some((s) => s.toLowerCase() === "'unsafe-inline'"))
            problems.push(`CSP script-src allows 'unsafe-inline' (${scripts.join(" ")})`);
        }
        const nosniff = res.headers.get("x-content-type-options");
        if (nosniff?.toLowerCase() !== "nosniff") problems.push(`X-Content-Type-Options is ${quote(nosniff)}, expected nosniff`);
        const referrer = res.headers.get("referrer-policy");
        if (referrer?.toLowerCase() !== "no-referrer")
          problems.push(`Referrer-Policy is ${quote(referrer)}, expected no-referrer`);
        expect(problems.length === 0, problems.join("; "));
        return `on /logg-inn: CSP frame-ancestors 'none', script-src ${scripts!.join(" ")}; nosniff; no-referrer`;
      },
    },
    {
      name: "oversized body refused",
      run: async () => {
        // No csrf and no email field: even a server without the limit would not act on it.
        const body = `pad=${"x".repeat(OVERSIZED_BYTES)}`;
        const res = await get("/logg-inn", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
          body,
        });
        await res.body?.cancel();
        expect(
          res.status === 413,
          `POST /logg-inn with ${Math.round(body.length / 1024)} kB answered ${res.status}, expected 413`,
        );
        return `POST /logg-inn with ${Math.round(body.length / 1024)} kB refused with 413`;
      },
    },
  ];

  const results: SmokeResult[] = [];
  for (const check of checks) {
    try {
      results.push({ name: check.name, ok: true, detail: await check.run() });
    } catch (err) {
      results.push({ name: check.name, ok: false, detail: describeError(err) });
    }
  }
  return results;
}

/** A base URL without a trailing slash; http(s) only, no query or fragment. */
export function normaliseBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new Error(`not a URL: ${JSON.stringify(input)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`not an http(s) URL: ${input}`);
  if (url.search || url.hash) throw new Error(`the base URL must not have a query or fragment: ${input}`);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** <meeting>.<invitation>.<mac> shaped exactly like a real personal link, but random. */
function forgedToken(): string {
  const alnum = (n: number) => Array.from(randomBytes(n), (b) => "0123456789abcdefghijklmnopqrstuvwxyz"[b % 36]).join("");
  return `${alnum(26)}.${alnum(26)}.${randomBytes(24).toString("base64url")}`;
}

function parseCsp(header: string | null): Map<string, string[]> | undefined {
  if (!header) return undefined;
  const directives = new Map<string, string[]>();
  for (const part of header.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

function isType(res: Response, type: string): boolean {
  return (res.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase() === type;
}

async function jsonOf(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new CheckFailed(`the body is not JSON: ${JSON.stringify(text.slice(0, 80))}`);
  }
}

/** Fails with the status and the start of the body (read only then) unless the status is the expected one. */
async function expectStatus(res: Response, status: number, what: string): Promise<void> {
  if (res.status !== status) throw new CheckFailed(`${what} answered ${res.status}, expected ${status}${await snippet(res)}`);
}

/** The start of an unexpected body, to show in a failure line. */
async function snippet(res: Response): Promise<string> {
  const text = (await res.text().catch(() => "")).replace(/\s+/g, " ").trim();
  return text ? ` (${JSON.stringify(text.slice(0, 100))}${text.length > 100 ? "…" : ""})` : "";
}

function quote(value: string | null | undefined): string {
  return value == null ? "absent" : JSON.stringify(value);
}

function describeError(err: unknown): string {
  if (err instanceof CheckFailed) return err.message;
  if (err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError"))
    return `no answer within ${TIMEOUT_MS / 1000} s`;
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? `: ${(err.cause as NodeJS.ErrnoException).code ?? err.cause.message}` : "";
    return `request failed (${err.message}${cause})`;
  }
  return String(err);
}
