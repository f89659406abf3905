// The kommune's postmottak over HTTP (DynamoDB Local, the local SES, the real app and its tick): copies of the
// innkalling and the referat for journaling (PDF attached, no personal link), and the escalation before the deadline.
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, describe, expect, it } from "vitest";
import { listSendsOfMeeting } from "../../shared/sending/index.js";
import { type ApiClient, useApiApp } from "../support/api.js";
import { loggedInBrowser } from "../support/browser-session.js";
import { hiddenField, postForm } from "../support/forms.js";
import { type StoredEmail, sesEmails, type TestApp } from "../support/harness.js";
import { meetingWithMembers, replyLink, waitForSend } from "../support/scenario.js";
import { AFTER_MEETING, tickAndDrain } from "./minutes-setup.js";

const pdfText = async (base64: string) => {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.from(base64, "base64"))), { mergePages: true });
  return text.replace(/\s+/g, " ");
};

describe("the kommune's postmottak", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });
  afterAll(() => app.clock.set(new Date()));

  /** A body of three members in three kommuner; two of the kommuner have a postmottak. */
  async function bodyWithPostmottak(settings: Record<string, unknown>) {
    const s = await meetingWithMembers(api, 3, { deadline: "2030-05-25T12:00" });
    await api.patch(`/api/bodies/${s.body.id}`, settings);
    const members = (await api.get(`/api/bodies/${s.body.id}/members`)).body.items as {
      organisationId: string;
      personEmail: string;
    }[];
    const orgOf = (i: number) => members.find((m) => m.personEmail === s.members[i]!.email)!.organisationId;
    const postmottak = [`post-a-${s.tag}@example.org`, `post-b-${s.tag}@example.org`];
    expect((await api.patch(`/api/organisations/${orgOf(0)}`, { postmottak: postmottak[0] })).status).toBe(200);
    expect((await api.patch(`/api/organisations/${orgOf(1)}`, { postmottak: postmottak[1] })).status).toBe(200);
    return { ...s, postmottak };
  }
  const mailsTo = async (address: string): Promise<StoredEmail[]> => {
    await app.ctx.queue.drained();
    return sesEmails(app.sesEndpoint, (a) => a === address);
  };
  const sendsOf = (meetingId: string) => listSendsOfMeeting(app.ctx, meetingId);

  it("copies the innkalling once per kommune with a postmottak: PDF attached, no reply link or calendar, in the progress", async () => {
    const s = await bodyWithPostmottak({ postmottakCopies: true });
    await waitForSend(api, (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all" })).body.sendId);
    const [a, b] = [await mailsTo(s.postmottak[0]!), await mailsTo(s.postmottak[1]!)];
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    const copy = a[0]!;
    expect(copy.subject).toContain("Kopi for journalføring: Innkalling");
    expect(copy.body.text).toContain("Kopi til postmottak for journalføring.");
    expect(copy.body.text).toContain(`Medlemmer fra Asker ${s.tag}: Deltaker 1 ${s.tag}.`);
    expect(`${copy.body.text} ${copy.body.html ?? ""}`).not.toMatch(/\/r\/|\/a\//);
    expect(copy.attachments.map((x) => x.contentType)).toEqual(["application/pdf"]);
    expect(await pdfText(copy.attachments[0]!.content)).toContain("Budsjett");
    const copies = (await sendsOf(s.meeting.id)).filter((x) => x.template === "postmottak-copy");
    expect(copies).toHaveLength(1);
    expect(copies[0]!.total).toBe(2);
    const progress = (await api.get(`/api/sends/${copies[0]!.id}`)).body;
    expect(progress.done).toBe(true);
    const nina = await loggedInBrowser(app, `nina-${s.tag}@vestregionen.no`);
    const sendPage = await (await nina.get(`/moter/${s.meeting.id}/send`)).text();
    expect(sendPage).toMatch(/kopi til postmottak til 2/);
    expect(sendPage).toMatch(/innkalling til 3/);
  });

  it("copies the referat too, and nothing when the body does not copy", async () => {
    const s = await bodyWithPostmottak({ postmottakCopies: true });
    await waitForSend(api, (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all" })).body.sendId);
    app.clock.set(AFTER_MEETING);
    expect((await api.post(`/api/meetings/${s.meeting.id}/minutes/approve`)).status).toBe(200);
    const sched = await api.post(`/api/meetings/${s.meeting.id}/minutes/schedule`, { at: "now" });
    expect(sched.status, JSON.stringify(sched.body)).toBeLessThan(300);
    await tickAndDrain(app);
    const referat = (await mailsTo(s.postmottak[0]!)).find((m) => m.subject.includes("Referat"));
    expect(referat).toBeDefined();
    expect(await pdfText(referat!.attachments[0]!.content)).toContain("Referat fra møte i");
    app.clock.set(new Date());

    const off = await bodyWithPostmottak({});
    await waitForSend(api, (await api.post(`/api/meetings/${off.meeting.id}/sends`, { audience: "all" })).body.sendId);
    expect(await mailsTo(off.postmottak[0]!)).toHaveLength(0);
  });

  it("escalates N days before the deadline: the unanswered kommune's postmottak hears it once, naming the member", async () => {
    const s = await bodyWithPostmottak({ escalationDaysBeforeDeadline: 3 });
    await waitForSend(api, (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all" })).body.sendId);
    // Member 2 (kommune B) answers; member 1 (kommune A) does not; kommune C has no postmottak.
    const mail = (await sesEmails(app.sesEndpoint, (x) => x === s.members[1]!.email))[0]!;
    const link = replyLink(mail).replace(/^https?:\/\/[^/]+/, app.baseUrl);
    const csrf = hiddenField(await (await fetch(link)).text(), "csrf");
    expect((await postForm(link, { csrf, status: "attending" })).status).toBe(303);

    // Due three days before 2030-05-25 12:00 Oslo (10:00Z): not at 09:00Z, at 11:00Z.
    app.clock.set(new Date("2030-05-22T09:00:00Z"));
    await tickAndDrain(app);
    expect(await mailsTo(s.postmottak[0]!)).toHaveLength(0);
    app.clock.set(new Date("2030-05-22T11:00:00Z"));
    await tickAndDrain(app);
    const escalated = await mailsTo(s.postmottak[0]!);
    expect(escalated).toHaveLength(1);
    expect(escalated[0]!.subject).toContain("Ubesvart innkalling");
    expect(escalated[0]!.body.text).toContain(`Vi har ikke fått svar fra Deltaker 1 ${s.tag}`);
    expect(escalated[0]!.attachments).toHaveLength(0);
    expect(await mailsTo(s.postmottak[1]!)).toHaveLength(0);
    expect((await sendsOf(s.meeting.id)).filter((x) => x.template === "escalation")).toHaveLength(1);
    // The reply history shows the escalation on the unanswered seat, after the other kommune's answer.
    const history = (await api.get(`/api/meetings/${s.meeting.id}/replies/history`)).body.items as Record<string, string>[];
    expect(history.map((h) => h.status)).toEqual(["attending", "escalated"]);
    expect(history[1]).toMatchObject({ name: `Deltaker 1 ${s.tag}`, from: `postmottak:${s.postmottak[0]}` });
    const nina = await loggedInBrowser(app, `nina-e-${s.tag}@vestregionen.no`);
    expect(await (await nina.get(`/moter/${s.meeting.id}/svar`)).text()).toContain(`Purret via postmottak`);

    app.clock.set(new Date("2030-05-23T12:00:00Z"));
    await tickAndDrain(app);
    expect(await mailsTo(s.postmottak[0]!)).toHaveLength(1);
    app.clock.set(new Date());
  });
});
