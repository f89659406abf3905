// A JSON client for the secretariat API, logged in with a real API token of a test user.

import { afterAll, beforeAll } from "vitest";
import { addUser, createApiToken } from "../../shared/auth/index.js";
import { startTestApp, type TestApp } from "./harness.js";

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A JSON client for the secretariat API, logged in with a real API token made the way the CLI makes it. */
export async function apiClient(app: TestApp, email = "sekretariat@vestregionen.no") {
  await addUser(app.ctx, email);
  // Long-lived: some tests move the clock years ahead (past deadlines in 2030).
  const token = await createApiToken(app.ctx, email, app.ctx.clock.now(), { days: 3650 });
  const call = async <T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> => {
    const res = await fetch(`${app.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && typeof body === "string" ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  };
  return {
    token,
    get: <T = any>(path: string) => call<T>("GET", path),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>("POST", path, body ?? {}, headers),
    patch: <T = any>(path: string, body: unknown) => call<T>("PATCH", path, body),
    put: <T = any>(path: string, body: unknown) => call<T>("PUT", path, body),
    raw: (path: string, init: RequestInit) =>
      fetch(`${app.baseUrl}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
      }),
  };
}

export type ApiClient = Awaited<ReturnType<typeof apiClient>>;

/** Builds a body with members from the organisations named (each gets one member). */
export async function setupBody(
  api: ApiClient,
  name = "Rådmannsgruppen",
  members: { name: string; email: string; organisation: string }[] = [],
) {
  const body = (
    await api.post("/api/bodies", {
      name,
      shortName: name.slice(0, 3).toUpperCase(),
      secretariat: { name: "Nina Solberg", email: "nina@vestregionen.no" },
    })
  ).body;
  const orgs = new Map<string, string>();
  for (const m of members) {
    if (!orgs.has(m.organisation))
      orgs.set(m.organisation, (await api.post("/api/organisations", { name: m.organisation })).body.id);
    const res = await api.post(`/api/bodies/${body.id}/members`, {
      person: { name: m.name, email: m.email },
      organisationId: orgs.get(m.organisation),
      role: "member",
    });
    if (res.status !== 201) throw new Error(`addMember failed: ${JSON.stringify(res.body)}`);
  }
  return { body, orgs };
}

/**
 * Starts the app with a logged-in API client before a describe block's tests and stops it after:
 *   let app!: TestApp; let api!: ApiClient;
 *   useApiApp((a, c) => { app = a; api = c; });
 */
export function useApiApp(receive: (app: TestApp, api: ApiClient) => void, opts?: Parameters<typeof startTestApp>[0]) {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startTestApp(opts);
    receive(started, await apiClient(started));
  });
  afterAll(() => started?.stop());
}
