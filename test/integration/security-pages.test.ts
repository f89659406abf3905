/** The secretariat's pages against hostile input: escaping, CSRF, headers, limits. */
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { type ApiClient, setupBody } from "../support/api.js";
import type { CookieBrowser } from "../support/browser-session.js";
import { hiddenField } from "../support/forms.js";
import type { TestApp } from "../support/harness.js";
import { emailsTo, meetingWithMembers, replyLink, waitForSend } from "../support/scenario.js";
import { useSecretariatApp } from "./security-setup.js";

/**
 * "Safe to put on the internet": each test is named after an attack and proves it fails, over
 * HTTP against the real app, DynamoDB Local and the local SES.
 */
describe("safe to put on the internet", () => {
  let app!: TestApp;
  let api!: ApiClient;
  let secretariat!: CookieBrowser;
  const { tableSnapshot, uploadApi } = useSecretariatApp((a, c, b) => {
    app = a;
    api = c;
    secretariat = b;
  });

  const csp = (res: Response) => {
    const directives = new Map<string, string[]>();
    for (const part of (res.headers.get("content-security-policy") ?? "").split(";")) {
      const [name, ...values] = part.trim().split(/\s+/);
      if (name) directives.set(name.toLowerCase(), values);
    }
    return directives;
  };

  it("injected script or framing (clickjacking): every HTML page has a CSP without inline script, and every response has nosniff", async () => {
    const s = await meetingWithMembers(api, 1);
    expect((await uploadApi(s.meeting.id, "budsjett.pdf", "application/pdf", "%PDF-1.4 budsjett")).status).toBe(201);
    const { sendId } = (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all" })).body;
    await waitForSend(api, sendId);
    const token = replyLink((await emailsTo(app, s.tag))[0]!).split("/r/")[1]!;
    expect((await api.patch(`/api/meetings/${s.meeting.id}`, { published: true })).status).toBe(200);

    const publicPages = [
      "/logg-inn",
      `/r/${token}`,
      "/arkiv",
      `/arkiv/${s.body.id}`,
      `/arkiv/mote/${s.meeting.id}`,
      "/finnes-ikke",
      "/r/tull.tull.tull",
    ];
    const secretariatPages = [
      "/",
      `/organ/${s.body.id}`,
      "/moter/ny",
      `/moter/${s.meeting.id}`,
      `/moter/${s.meeting.id}/send`,
      `/utsendelser/${sendId}`,
      `/moter/${s.meeting.id}/svar`,
      `/moter/${s.meeting.id}/referat`,
    ];
    const assets = new Set<string>();
    for (const [path, res] of [
      ...(await Promise.all(
        publicPages.map(async (p) => [p, await fetch(`${app.baseUrl}${p}`, { redirect: "manual" })] as const),
      )),
      ...(await Promise.all(secretariatPages.map(async (p) => [p, await secretariat.get(p)] as const))),
    ]) {
      expect(res.status, path).toBeLessThan(500);
      expect(res.headers.get("content-type"), path).toMatch(/^text\/html/);
      const policy = csp(res);
      expect(policy.get("default-src"), path).toEqual(["'self'"]);
      expect(policy.get("script-src"), path).toEqual(["'self'"]);
      expect(policy.get("style-src"), path).toEqual(["'self'"]);
      expect(policy.get("frame-ancestors"), path).toEqual(["'none'"]);
      expect(policy.get("object-src"), path).toEqual(["'none'"]);
      // Forms post to us; the secretariat's attachment uploads straight to the (local) S3. The
      // participant's pages (the reply Lambda) upload nothing, so theirs names us only.
      const participant = /^\/(r|arkiv)(\/|$)/.test(path);
      expect(policy.get("form-action"), path).toEqual(participant ? ["'self'"] : ["'self'", app.s3Endpoint]);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      const html = await res.text();
      // Nothing inline that the policy would block: scripts and styles come from files.
      expect(html, path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(html, path).not.toMatch(/<style[\s>]/i);
      expect(html, path).not.toMatch(/\sstyle=/i);
      expect(html, path).not.toMatch(/\son[a-z]+=/i);
      for (const m of html.matchAll(/<(?:script|link)[^>]*\b(?:src|href)="(\/static\/[^"]+)"/g)) assets.add(m[1]!);
    }
    // The reply form and the progress page use scripts; every page the stylesheet.
    expect([...assets].some((a) => a.endsWith(".css"))).toBe(true);
    expect([...assets].filter((a) => a.endsWith(".js")).length).toBeGreaterThanOrEqual(2);
    for (const path of assets) {
      const res = await fetch(`${app.baseUrl}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toMatch(path.endsWith(".js") ? /^text\/javascript/ : /^text\/css/);
      expect(res.headers.get("cache-control"), path).toContain("immutable");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
    expect((await fetch(`${app.baseUrl}/static/finnes-ikke.js`)).status).toBe(404);

    // JSON and attachments too (an attachment is a redirect to a presigned S3 URL: ours carries it).
    const manual = { redirect: "manual" } as const;
    for (const res of [
      await fetch(`${app.baseUrl}/health`),
      await api.raw("/api/bodies", {}),
      await fetch(`${app.baseUrl}/a/${token}/1`, manual),
      await fetch(`${app.baseUrl}/arkiv/mote/${s.meeting.id}/vedlegg/1`, manual),
    ]) {
      expect(res.headers.get("x-content-type-options"), res.url).toBe("nosniff");
    }
  });

  it("script in the email preview: the preview is a sandboxed iframe, and its document may run nothing", async () => {
    const s = await meetingWithMembers(api, 1);
    const page = await (await secretariat.get(`/moter/${s.meeting.id}/send`)).text();
    const made = await secretariat.post(`/moter/${s.meeting.id}/forhandsvisning`, { csrf: hiddenField(page, "csrf") });
    expect(made.status).toBe(303);
    expect(made.headers.get("location")).toMatch(new RegExp(`^/moter/${s.meeting.id}/send`));
    await app.ctx.queue.drained();

    const res = await secretariat.get(`/moter/${s.meeting.id}/send`);
    const html = await res.text();
    const iframe = /<iframe[^>]*>/.exec(html)?.[0] ?? "";
    expect(iframe).toMatch(/\ssandbox(=""|\s|>)/);
    expect(iframe).not.toMatch(/allow-scripts|allow-same-origin|allow-top-navigation|allow-forms|allow-popups/);
    const src = /src="([^"]+)"/.exec(iframe)?.[1];
    expect(src).toMatch(new RegExp(`^/moter/${s.meeting.id}/forhandsvisning/\\d+$`));
    // The page around it still refuses any frame; the frame's own policy allows only us.
    expect(csp(res).get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp(res).get("frame-src")).toEqual(["'self'"]);

    const preview = await secretariat.get(src!);
    expect(preview.status).toBe(200);
    expect(preview.headers.get("content-type")).toMatch(/^text\/html/);
    const policy = csp(preview);
    expect(policy.has("sandbox")).toBe(true);
    expect(policy.get("sandbox")).toEqual([]);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.has("script-src")).toBe(false);
    expect(policy.get("frame-ancestors")).toEqual(["'self'"]);
    expect(preview.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(preview.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await preview.text()).toContain(s.meeting.title);
  });

  it("a mail scanner or prefetch opening GET /moter/:id/send writes nothing: no preview queued, the table unchanged", async () => {
    const s = await meetingWithMembers(api, 2);
    await app.ctx.queue.drained();
    const queued = vi.spyOn(app.ctx.queue, "send");
    try {
      const before = await tableSnapshot();
      const first = await secretariat.get(`/moter/${s.meeting.id}/send`);
      const second = await secretariat.get(`/moter/${s.meeting.id}/send`);
      await app.ctx.queue.drained();
      expect(queued).not.toHaveBeenCalled();
      expect(await tableSnapshot()).toEqual(before);

      expect(first.status).toBe(200);
      expect(second.status).toBe(200);
      // It says there is no preview and offers a form (a POST with the CSRF field) to make one.
      const html = await second.text();
      expect(html).not.toContain("<iframe");
      expect(html).toContain("Ingen forhåndsvisning ennå");
      const form = new RegExp(
        `<form method="post" action="/moter/${s.meeting.id}/forhandsvisning">\\s*<input type="hidden" name="csrf"`,
      ).exec(html);
      expect(form).not.toBeNull();
      expect(html).not.toMatch(/http-equiv="refresh"/);

      // The POST is what queues it, then redirects back (PRG).
      const made = await secretariat.post(`/moter/${s.meeting.id}/forhandsvisning`, { csrf: hiddenField(html, "csrf") });
      expect(made.status).toBe(303);
      expect(queued).toHaveBeenCalledWith([expect.objectContaining({ kind: "preview", meetingId: s.meeting.id })]);
      // Without the CSRF field the POST is refused.
      expect((await secretariat.post(`/moter/${s.meeting.id}/forhandsvisning`, {})).status).toBe(403);
    } finally {
      queued.mockRestore();
    }
  });

  it("%%SVARLENKE%% in a meeting title or body name puts the personal link in the Subject header: it stays inert", async () => {
    const tag = randomUUID().slice(0, 8);
    const { body } = await setupBody(api, `Organ %%SVARLENKE%% ${tag}`, [
      { name: "Erik %%NAVN%%", email: `erik-${tag}@example.org`, organisation: `Bærum ${tag}` },
    ]);
    const meeting = (
      await api.post("/api/meetings", {
        bodyId: body.id,
        title: "Møte %%SVARLENKE%% %%VEDLEGG%%",
        startsAt: "2030-06-01T09:00",
        endsAt: "2030-06-01T12:00",
        place: "Lier",
      })
    ).body;
    const { sendId } = (await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" })).body;
    await waitForSend(api, sendId);
    const mail = (await emailsTo(app, tag))[0]!;
    expect(mail.subject).not.toMatch(/\/r\/|\/a\/|https?:/);
    expect(mail.subject).toContain(`Organ %%SVARLENKE%% ${tag}`);
    expect(mail.subject).toContain("Møte %%SVARLENKE%% %%VEDLEGG%%");
    // The link is still where it belongs: in the body, once per part.
    const link = replyLink(mail);
    expect(mail.body.text).toContain(link);
  });
});
