/** The api Lambda's handler with API Gateway HTTP API events (payload 2.0), as AWS sends them. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hiddenField } from "../support/forms.js";
import { eventBrowser, type HandlerEnv, startHandlerEnv } from "./support.js";

/**
 * The api Lambda on API Gateway HTTP API events (payload 2.0, AWS's sample in
 * test/fixtures/apigw-http-v2.json): what the whole-meeting test does not already show.
 * `createApiHandler(ctx)` is the very function the exported `handler` is made of (there with the
 * AWS context); here it gets the local one.
 */
describe("api handler: HTTP API events", () => {
  let env!: HandlerEnv;
  beforeAll(async () => {
    env = await startHandlerEnv();
  });
  afterAll(() => env?.stop());

  it("reads a form posted as multipart/form-data (base64 in the event) like an urlencoded one", async () => {
    const browser = eventBrowser(env);
    const page = await browser.get("/logg-inn");
    const form = new FormData();
    form.set("csrf", hiddenField(page.text, "csrf"));
    form.set("email", "nina.multipart@vestregionen.no");
    const posted = await browser.postMultipart("/logg-inn", form);
    expect(posted.event).toMatchObject({ routeKey: "POST /logg-inn", isBase64Encoded: true });
    expect(posted.event.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(posted.status).toBe(200);
    expect(posted.text).toContain("Sjekk e-posten din");
    expect(env.queue.take().map((m) => JSON.parse(m))).toEqual([
      { kind: "login-request", email: "nina.multipart@vestregionen.no" },
    ]);
  });

  it("refuses a post without the CSRF cookie from the cookies array", async () => {
    const browser = eventBrowser(env);
    const page = await browser.get("/logg-inn");
    browser.jar.delete("csrf");
    const posted = await browser.postForm("/logg-inn", { csrf: hiddenField(page.text, "csrf"), email: "nina@vestregionen.no" });
    expect(posted.event).not.toHaveProperty("cookies");
    expect(posted.status).toBe(403);
    expect(env.queue.size).toBe(0);
  });
});
