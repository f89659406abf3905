// A whole meeting through the Lambda handlers on AWS sample events: login, meeting, preview, send, reply, minutes.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReplyHandler } from "../../functions/reply/handler.js";
import { addUser } from "../../shared/auth/index.js";
import { hiddenField } from "../support/forms.js";
import { sesEmails } from "../support/harness.js";
import { replyLink } from "../support/scenario.js";
import { postToS3 } from "../support/uploads.js";
import { apiTokenClient } from "./event-browser.js";
import { DOMAIN, eventBrowser, type HandlerEnv, lambdaContext, scheduledEvent, sqsEvent, startHandlerEnv } from "./support.js";

/**
 * One whole meeting through the Lambdas' event interface, as it runs in AWS: every page and API
 * call is an API Gateway HTTP API event (payload 2.0) into the api handler, every queued message
 * becomes an SQS event for the send-worker handler, and the minutes go out on an EventBridge
 * scheduled event into the tick handler. The events are AWS's samples (test/fixtures, see its
 * README) filled in per request. Each `create…Handler(ctx)` used here is the very function the
 * module's exported `handler` is made of (there with the AWS context); here it gets the local
 * context: DynamoDB Local, the local SES and the local S3 (the attachment goes there straight from
 * the "browser", as in AWS), nothing mocked. The queue is a capturing QueuePort
 * (test/handlers/support.ts): SQS has no local twin, and the in-process queue would run the
 * worker's code directly, past the handler. A form posted as multipart is in api-events.test.ts.
 */
describe("a whole meeting through the handlers, on API Gateway, SQS and EventBridge events", () => {
  let env!: HandlerEnv;
  beforeAll(async () => {
    env = await startHandlerEnv();
  });
  afterAll(() => env?.stop());

  const tag = randomUUID().slice(0, 8);
  const secretary = `nina-${tag}@vestregionen.no`;
  const members = [
    { name: "Erik Kjeldstadli", email: `erik-${tag}@example.org`, organisation: "Bærum" },
    { name: "Trond Julin", email: `trond-${tag}@example.org`, organisation: "Drammen" },
    { name: "Bente Gravdal", email: `bente-${tag}@example.org`, organisation: "Lier" },
  ];
  const mailTo = (address: string) => sesEmails(env.config.SES_ENDPOINT, (a) => a === address);
  const unescapeHtml = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
  const headings = (html: string) => [...html.matchAll(/<h2[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]!.trim());

  it("runs login → meeting → send → reply → minutes", async () => {
    // The secretariat's user exists (npm run admin -- user add).
    await addUser(env.ctx, secretary);
    const browser = eventBrowser(env);

    // --- Log in through the emailed link.
    const loginPage = await browser.get("/logg-inn");
    expect(loginPage.status).toBe(200);
    expect(loginPage.event).not.toHaveProperty("cookies"); // API Gateway leaves it out when there are none
    expect(loginPage.cookies).toEqual([expect.stringMatching(/^csrf=[\w-]{32,64}; Path=\/; HttpOnly; Secure; SameSite=Lax$/)]);
    const asked = await browser.postForm("/logg-inn", { csrf: hiddenField(loginPage.text, "csrf"), email: secretary });
    expect(asked.event).toMatchObject({
      routeKey: "POST /logg-inn",
      isBase64Encoded: true,
      cookies: [`csrf=${browser.jar.get("csrf")}`],
    });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain("Sjekk e-posten din");
    expect(env.queue.size).toBe(1);
    expect(await env.drainQueue()).toEqual([{ batchItemFailures: [] }]);
    const loginMail = (await mailTo(secretary)).at(-1)!;
    const loginLink = /https:\/\/([^/\s]+)(\/logg-inn\/lenke\?token=[\w-]+)/.exec(loginMail.body.text ?? "")!;
    expect(loginLink[1]).toBe(DOMAIN);
    const button = await browser.get(loginLink[2]!);
    expect(button.event.queryStringParameters).toEqual({ token: expect.any(String) });
    const loggedIn = await browser.postForm("/logg-inn/lenke", {
      csrf: hiddenField(button.text, "csrf"),
      token: hiddenField(button.text, "token"),
    });
    // A redirect that sets the session cookie: Set-Cookie travels in the result's `cookies`, not its headers.
    expect(loggedIn.status).toBe(303);
    expect(loggedIn.location).toBe("/");
    expect(loggedIn.cookies).toEqual([expect.stringMatching(/^sid=[^;]+;.*HttpOnly; Secure; SameSite=Lax$/)]);
    expect(loggedIn.headers).not.toHaveProperty("set-cookie");
    const overview = await browser.get("/");
    expect(overview.event.cookies).toEqual([`csrf=${browser.jar.get("csrf")}`, `sid=${browser.jar.get("sid")}`]);
    expect(overview.status).toBe(200);
    expect(overview.text).toContain("Oversikt");

    // --- The body and its members, through the JSON API as the pages' scripts call it (session + X-CSRF-Token).
    const body = (
      await browser.json("POST", "/api/bodies", {
        name: "Rådmannsgruppen",
        shortName: "RMG",
        secretariat: { name: "Nina Solberg", email: secretary },
      })
    ).body;
    for (const m of members) {
      const org = await browser.json("POST", "/api/organisations", { name: m.organisation });
      expect(org.event.isBase64Encoded).toBe(false);
      const added = await browser.json("POST", `/api/bodies/${body.id}/members`, {
        person: { name: m.name, email: m.email },
        organisationId: org.body.id,
        role: "member",
      });
      expect(added.status).toBe(201);
    }

    // --- The meeting: form posts (urlencoded, base64), each answered by a redirect.
    const newMeeting = await browser.get(`/moter/ny?organ=${body.id}`);
    const csrf = hiddenField(newMeeting.text, "csrf");
    const created = await browser.postForm("/moter", {
      csrf,
      bodyId: body.id,
      title: "Møte i Rådmannsgruppen",
      startsAt: "2030-06-01T09:00",
      endsAt: "2030-06-01T12:00",
      place: "Rådhuset i Drammen",
      kind: "physical",
      replyDeadline: "2030-05-25T12:00",
    });
    expect(created.status).toBe(303);
    const meetingId = /^\/moter\/([\w-]+)$/.exec(created.location!)![1]!;
    for (const [title, proposedDecision] of [
      ["Tertialrapport 1", "Rapporten tas til orientering."],
      ["Møteplan 2031", "Møteplanen vedtas."],
    ]) {
      const added = await browser.postForm(`/moter/${meetingId}/saker`, {
        csrf,
        title: title!,
        kind: "decision",
        proposedDecision: proposedDecision!,
      });
      expect(added.status).toBe(303);
    }
    // Norwegian letters in a query string: the redirect's ?ok= notice, percent-encoded, read back decoded.
    const saved = await browser.postForm(`/moter/${meetingId}`, {
      csrf,
      place: "Rådhuset i Drammen, møterom Åsgårdstrand",
      replyDeadline: "2030-05-25T12:00",
    });
    expect(saved.location).toBe(`/moter/${meetingId}?ok=M%C3%B8tet%20er%20lagret.`);
    const editor = await browser.get(saved.location!);
    expect(editor.event).toMatchObject({
      rawQueryString: "ok=M%C3%B8tet%20er%20lagret.",
      queryStringParameters: { ok: "Møtet er lagret." },
    });
    expect(editor.text).toContain("Møtet er lagret.");
    expect(editor.text).toContain("møterom Åsgårdstrand");
    // An attachment: what it is, posted to the app; the file itself goes from the browser straight
    // to S3 (a presigned POST: Lambda's payload limit is 6 MB), and S3 sends the browser back.
    const step1 = await browser.postForm(`/moter/${meetingId}/vedlegg`, {
      csrf,
      attachmentTitle: "Tertialrapport første tertial",
      attachmentType: "application/pdf",
    });
    expect(step1.status).toBe(200);
    const uploadForm = /<form method="post" action="([^"]+)" enctype="multipart\/form-data">([\s\S]*?)<\/form>/.exec(step1.text)!;
    const fields = Object.fromEntries(
      [...uploadForm[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((i) => [
        unescapeHtml(i[1]!),
        unescapeHtml(i[2]!),
      ]),
    );
    const stored = await postToS3(
      { url: unescapeHtml(uploadForm[1]!), fields },
      { filename: "Tertialrapport T1.pdf", type: "application/pdf", content: "%PDF-1.4\ntertialrapport" },
    );
    expect(stored.status).toBe(303);
    const back = new URL(stored.headers.get("location")!);
    expect(back.origin).toBe(`https://${DOMAIN}`);
    const recorded = await browser.get(`${back.pathname}${back.search}`);
    expect(recorded.event.rawQueryString).toContain("tittel=Tertialrapport+f%C3%B8rste+tertial");
    expect(recorded.status).toBe(303);
    expect(recorded.location).toBe(`/moter/${meetingId}?ok=Vedlegget%20er%20lastet%20opp.`);
    expect((await browser.get(`/moter/${meetingId}`)).text).toContain("Tertialrapport første tertial");

    // --- Preview (rendered by the send worker from its queue message) and send.
    const previewAsked = await browser.postForm(`/moter/${meetingId}/forhandsvisning`, { csrf });
    expect(previewAsked.location).toBe(`/moter/${meetingId}/send?forhandsvisning=bestilt`);
    expect(await env.drainQueue()).toEqual([{ batchItemFailures: [] }]);
    const sendPage = await browser.get(`/moter/${meetingId}/send`);
    const previewPath = new RegExp(`/moter/${meetingId}/forhandsvisning/\\d+`).exec(sendPage.text)![0];
    const preview = await browser.get(previewPath);
    expect(preview.status).toBe(200);
    expect(preview.text).toContain("Møteplan 2031");
    const sent = await browser.postForm(`/moter/${meetingId}/send`, { csrf, confirm: "yes", idempotencyKey: randomUUID() });
    expect(sent.status).toBe(303);
    expect(env.queue.size).toBe(members.length);
    // SQS hands the worker one bad message among the good ones: only that one comes back for redelivery.
    const bodies = env.queue.take(10);
    bodies.splice(1, 0, JSON.stringify({ kind: "delivery", sendId: "mangler-leveranse" }));
    const batch = sqsEvent(bodies);
    expect(await env.sendWorker(batch, lambdaContext("send-worker"))).toEqual({
      batchItemFailures: [{ itemIdentifier: batch.Records[1]!.messageId }],
    });
    const progress = await browser.get(sent.location!);
    expect(progress.text).toContain("3 av 3 sendt · 0 i kø · 0 feilet · 0 avvist · ferdig");

    // --- A participant answers through the personal link in the email (the reply route has its own route key).
    const erik = members[0]!;
    const invitation = (await mailTo(erik.email))[0]!;
    const link = new URL(replyLink(invitation));
    expect(link.host).toBe(DOMAIN);
    // API Gateway routes /r/* to the reply Lambda: the participant's requests go to that handler.
    const replyLambda = createReplyHandler(env.ctx) as unknown as HandlerEnv["api"];
    const participant = eventBrowser({ ...env, api: replyLambda }, { sourceIp: "203.0.113.7" });
    const form = await participant.get(link.pathname);
    expect(form.status).toBe(200);
    const replied = await participant.postForm(link.pathname, { csrf: hiddenField(form.text, "csrf"), status: "attending" });
    expect(replied.event).toMatchObject({
      routeKey: "POST /r/{token}",
      pathParameters: { token: link.pathname.slice(3) },
      isBase64Encoded: true,
    });
    expect(replied.event.requestContext.http.sourceIp).toBe("203.0.113.7");
    expect(replied.status).toBe(303);
    expect(replied.location).toBe(`${link.pathname}?lagret=1`);
    expect((await participant.get(replied.location!)).text).toContain("Svaret ditt er registrert");
    expect((await env.drainQueue()).flatMap((r) => r.batchItemFailures)).toEqual([]);
    expect(await mailTo(erik.email)).toHaveLength(2); // the invitation and the receipt

    // The board, only those who have not answered, with a query string in Norwegian.
    const board = await browser.get(`/moter/${meetingId}/svar?filter=ubesvart&q=Bærum`);
    expect(board.event).toMatchObject({
      rawQueryString: "filter=ubesvart&q=B%C3%A6rum",
      queryStringParameters: { filter: "ubesvart", q: "Bærum" },
    });
    expect(board.text).toContain("1 av 3 organisasjoner har svart");
    expect(headings(board.text)).toEqual(expect.arrayContaining(["Drammen", "Lier"]));
    expect(headings(board.text)).not.toContain("Bærum");

    // --- Minutes: saved and approved through the JSON API, the distribution planned on the page.
    expect((await browser.json("PUT", `/api/meetings/${meetingId}/minutes`, { place: "Rådhuset i Drammen" })).status).toBe(200);
    // Approved and planned only once the meeting has started (12:05 that day; the page session would
    // have expired by then, so through an API token), then the page shows the plan.
    const api = await apiTokenClient(env, secretary);
    env.clock.set(new Date("2030-06-01T10:05:00Z"));
    try {
      expect((await api("POST", `/api/meetings/${meetingId}/minutes/approve`)).status).toBe(200);
      const at = "2030-06-02T10:00";
      expect((await api("POST", `/api/meetings/${meetingId}/minutes/schedule`, { at })).status).toBe(200);
    } finally {
      env.clock.set(new Date());
    }
    expect((await browser.get(`/moter/${meetingId}/referat`)).text).toContain("planlagt 02.06.2030 kl. 10.00");

    // The every-minute EventBridge rule fires after the planned time: the tick runs the job, the worker sends.
    env.clock.set(new Date("2030-06-02T08:05:00Z"));
    try {
      const ticked = await env.tick(scheduledEvent(env.clock.now()), lambdaContext("tick"));
      expect(ticked.failed).toBe(0);
      expect(ticked.ran).toBeGreaterThanOrEqual(1);
      expect((await env.drainQueue()).flatMap((r) => r.batchItemFailures)).toEqual([]);
      // Everything due ran once: the next minute's tick finds nothing.
      expect(await env.tick(scheduledEvent(new Date(env.clock.now().getTime() + 60_000)), lambdaContext("tick"))).toEqual({
        ran: 0,
        failed: 0,
      });
    } finally {
      env.clock.set(new Date());
    }
    for (const m of members) {
      const referat = (await mailTo(m.email)).filter((e) => e.subject.startsWith("Referat"));
      expect(referat, m.email).toHaveLength(1);
      expect(referat[0]!.body.text).toContain("Erik Kjeldstadli");
    }
  });

  it("the tick refuses an event that is not EventBridge's scheduled event", async () => {
    await expect(
      env.tick({ "detail-type": "EC2 Instance State-change Notification", source: "aws.ec2" }, lambdaContext("tick")),
    ).rejects.toThrow(/scheduled event/);
    await expect(env.tick({}, lambdaContext("tick"))).rejects.toThrow(/scheduled event/);
  });
});
