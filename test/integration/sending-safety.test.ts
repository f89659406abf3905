// One snapshot per send; bounced and complained addresses skipped until corrected; correcting a person's address.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPeople } from "../../shared/directory/index.js";
import type { MailPort } from "../../shared/ports/mail.js";
import { listDeliveries, recordSesNotifications } from "../../shared/sending/index.js";
import { type ApiClient, apiClient } from "../support/api.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { countPerRecipient, emailsTo, meetingWithMembers, waitForSend } from "../support/scenario.js";

const fixture = (name: string, messageId: string, recipient: string) =>
  readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), "utf8")
    .replaceAll("MESSAGE_ID", messageId)
    .replaceAll("RECIPIENT", recipient);

describe("sending safely", () => {
  let app: TestApp;
  let api: ApiClient;
  /** While `gate.tag` is set, every email to that tag waits at SES for `gate.open` (a send in flight). */
  const gate = { tag: "", waiting: 0, open: Promise.resolve() };
  beforeAll(async () => {
    app = await startTestApp({
      mail: (real: MailPort): MailPort => ({
        async send(m) {
          if (gate.tag && m.to.some((a) => a.includes(gate.tag))) {
            gate.waiting++;
            await gate.open;
          }
          return real.send(m);
        },
      }),
    });
    api = await apiClient(app, "sekretariat.trygg@vestregionen.no");
  });
  afterAll(() => app.stop());

  const text = (e: { body: { html?: string; text?: string } }) => `${e.body.text ?? ""} ${e.body.html ?? ""}`;

  it("every email of a send has the content of the version it recorded, even when the agenda is edited meanwhile", async () => {
    const n = 25;
    const { tag, meeting } = await meetingWithMembers(api, n);
    let open = () => {};
    gate.open = new Promise<void>((r) => {
      open = r;
    });
    gate.waiting = 0;
    gate.tag = tag;
    try {
      const { sendId } = (await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" })).body;
      for (let i = 0; gate.waiting === 0; i++) {
        if (i > 400) throw new Error("no email reached SES");
        await new Promise((r) => setTimeout(r, 25));
      }
      // In flight: edit the agenda (a new case, a changed proposal) before most emails are out.
      const added = await api.post(`/api/meetings/${meeting.id}/agenda`, {
        title: `Nytt punkt ${tag}`,
        proposedDecision: "Ny innstilling.",
      });
      expect(added.status).toBe(201);
      expect((await listDeliveries(app.ctx, sendId)).filter((d) => d.status === "sent")).toHaveLength(0);
      open();
      expect(await waitForSend(api, sendId)).toMatchObject({ total: n, sent: n, failed: 0 });
    } finally {
      gate.tag = "";
      open();
    }
    const first = await emailsTo(app, tag);
    expect(first).toHaveLength(n);
    for (const e of first) {
      expect(text(e)).toContain("Budsjettet vedtas.");
      expect(text(e)).not.toContain(`Nytt punkt ${tag}`);
    }
    // The next send carries the edit: the content really changed, and every copy of that send has it.
    const next = (await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" })).body;
    await waitForSend(api, next.sendId);
    const second = (await emailsTo(app, tag)).filter((e) => !first.some((f) => f.messageId === e.messageId));
    expect(second).toHaveLength(n);
    for (const e of second) expect(text(e)).toContain(`Nytt punkt ${tag}`);
  });

  it("skips bounced and complained addresses (counted as such) until the person's email is corrected", async () => {
    const { tag, meeting, body } = await meetingWithMembers(api, 3);
    const first = (await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" })).body;
    await waitForSend(api, first.sendId);
    const [d1, d2, d3] = (await listDeliveries(app.ctx, first.sendId)).sort((a, b) => a.email.localeCompare(b.email));
    await recordSesNotifications(app.ctx, [
      fixture("ses-bounce", d2!.messageId!, d2!.email),
      fixture("ses-complaint", d3!.messageId!, d3!.email),
      // SES does not keep the order: a Delivery event after the Bounce must not hide it.
      fixture("ses-delivery", d2!.messageId!, d2!.email),
    ]);
    expect((await api.get(`/api/sends/${first.sendId}`)).body).toMatchObject({ bounced: 1, complained: 1, delivered: 0 });
    const listed = (await api.get(`/api/bodies/${body.id}/members`)).body.items as { personId: string; personEmail: string }[];
    const personOf = (email: string) => listed.find((m) => m.personEmail === email)!.personId;
    const people = await getPeople(app.ctx, [personOf(d2!.email), personOf(d3!.email)]);
    expect(people.get(personOf(d2!.email))?.bouncedAt).toBeTruthy();
    expect(people.get(personOf(d3!.email))?.complainedAt).toBeTruthy();

    // The next send skips both, and says so.
    const second = (await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" })).body;
    expect(second).toMatchObject({ total: 3, suppressed: 2 });
    const progress = await waitForSend(api, second.sendId);
    expect(progress).toMatchObject({ total: 3, sent: 1, suppressed: 2, queued: 0, failed: 0 });
    const skipped = progress.failures.filter((f: { status: string }) => f.status === "suppressed");
    expect(skipped.map((f: { email: string }) => f.email).sort()).toEqual([d2!.email, d3!.email]);
    expect(skipped.find((f: { email: string }) => f.email === d3!.email).reason).toContain("søppelpost");
    const counts = countPerRecipient(await emailsTo(app, tag));
    expect([counts.get(d1!.email), counts.get(d2!.email), counts.get(d3!.email)]).toEqual([2, 1, 1]);

    // The secretariat corrects the bounced address: the flag is gone and the next send reaches the new one.
    const corrected = `ny-${tag}@example.org`;
    const patched = await api.patch(`/api/people/${personOf(d2!.email)}`, { email: corrected.toUpperCase() });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ email: corrected });
    expect(patched.body.bouncedAt).toBeUndefined();
    const after = (await api.get(`/api/bodies/${body.id}/members`)).body.items as { personEmail: string }[];
    expect(after.map((m) => m.personEmail)).toContain(corrected);

    const third = (await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" })).body;
    expect(await waitForSend(api, third.sendId)).toMatchObject({ total: 3, sent: 2, suppressed: 1 });
    const thirdTo = (await listDeliveries(app.ctx, third.sendId)).filter((d) => d.status === "sent").map((d) => d.email);
    expect(thirdTo.sort()).toEqual([d1!.email, corrected].sort());
    expect((await emailsTo(app, corrected)).length).toBe(1);
  });

  it("an address already used by another person is refused with a Norwegian 409; bad input with 400", async () => {
    const { body } = await meetingWithMembers(api, 2);
    const [a, b] = (await api.get(`/api/bodies/${body.id}/members`)).body.items as { personId: string; personEmail: string }[];
    const clash = await api.patch(`/api/people/${a!.personId}`, { email: b!.personEmail.toUpperCase() });
    expect(clash.status).toBe(409);
    expect(clash.body.detail).toBe(`E-postadressen ${b!.personEmail} brukes allerede av en annen person.`);
    expect((await api.patch(`/api/people/${a!.personId}`, {})).status).toBe(400);
    expect((await api.patch(`/api/people/${a!.personId}`, { email: "ikke-en-adresse" })).status).toBe(400);
    expect((await api.patch("/api/people/finnesikke", { name: "Kari" })).status).toBe(404);
    // A name alone keeps the address (and its uniqueness item).
    const renamed = await api.patch(`/api/people/${a!.personId}`, { name: "Kari Nordmann" });
    expect(renamed.body).toMatchObject({ name: "Kari Nordmann", email: a!.personEmail });
    const members = (await api.get(`/api/bodies/${body.id}/members`)).body.items as { personName: string }[];
    expect(members.map((m) => m.personName)).toContain("Kari Nordmann");
  });
});
