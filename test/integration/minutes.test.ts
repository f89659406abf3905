import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { radmannsgruppen, seed001 } from "../../local/seed-data.js";
import { runTick } from "../../shared/job-kinds/index.js";
import { type ApiClient, useApiApp } from "../support/api.js";
import type { TestApp } from "../support/harness.js";
import { emailsTo, waitForSend } from "../support/scenario.js";

/** Rebuilds the meeting of seed 001 through the API and distributes its minutes on schedule. */
describe("minutes: drafted from the replies, approved, emailed on schedule", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });

  it("rebuilds seed 001 and emails one referat per recipient with every name, substitute and decision", async () => {
    const tag = randomUUID().slice(0, 8);
    const email = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, ".")}-${tag}@example.org`;
    const body = (
      await api.post("/api/bodies", {
        name: "Rådmannsgruppen",
        shortName: "RG",
        secretariat: { name: "Nina Solberg", email: "nina@vestregionen.no" },
      })
    ).body;
    const orgIds = new Map<string, string>();
    for (const m of radmannsgruppen) {
      if (!orgIds.has(m.organisation))
        orgIds.set(m.organisation, (await api.post("/api/organisations", { name: m.organisation })).body.id);
      await api.post(`/api/bodies/${body.id}/members`, {
        person: { name: m.name, email: email(m.name) },
        organisationId: orgIds.get(m.organisation),
      });
    }
    for (const name of seed001.secretariat)
      await api.post(`/api/bodies/${body.id}/members`, { person: { name, email: email(name) }, role: "secretariat" });
    await api.put(`/api/bodies/${body.id}/case-numbers`, { year: 2017, next: seed001.firstCaseNumber });
    const meeting = (await api.post("/api/meetings", { bodyId: body.id, ...seed001.meeting })).body;
    await api.post(`/api/meetings/${meeting.id}/agenda`, {
      kind: "opening",
      title: "Godkjenning av innkalling og dagsorden",
      proposedDecision: seed001.openingDecision,
    });
    for (const item of seed001.agenda) {
      const res = await api.post(`/api/meetings/${meeting.id}/agenda`, {
        kind: item.kind ?? "decision",
        title: item.title,
        background: item.background,
        proposedDecision: item.decision,
      });
      expect(res.status).toBe(201);
    }
    // The meeting is in the past (2017): sending its innkalling now needs the explicit flag.
    const { sendId } = (await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all", confirmLate: true })).body;
    await waitForSend(api, sendId);

    // Replies, recorded by the secretariat (the meeting is in the past).
    const seats = (await api.get(`/api/meetings/${meeting.id}/replies`)).body.organisations.flatMap(
      (o: { seats: unknown[] }) => o.seats,
    ) as { name: string; invitationId: string }[];
    const inv = (name: string) => seats.find((s) => s.name === name)!.invitationId;
    for (const name of seed001.present)
      expect(
        (await api.post(`/api/meetings/${meeting.id}/replies`, { invitationId: inv(name), status: "attending" })).status,
      ).toBe(200);
    for (const s of seed001.substitutes) {
      await api.post(`/api/meetings/${meeting.id}/replies`, {
        invitationId: inv(s.member),
        status: "substitute",
        substitute: { name: s.name, email: email(s.name) },
      });
    }
    for (const name of seed001.absent)
      await api.post(`/api/meetings/${meeting.id}/replies`, { invitationId: inv(name), status: "absent" });
    await app.ctx.queue.drained();

    // The draft: present/absent/substitutes from the replies, decisions from the proposed decisions.
    const draft = (await api.get(`/api/meetings/${meeting.id}/minutes`)).body;
    expect(draft.status).toBe("draft");
    expect(draft.present).toContainEqual({ name: "Kari Solberg Økland", organisation: "Drammen", substituteFor: "Trond Julin" });
    expect(draft.absent).toHaveLength(seed001.absent.length);
    expect(draft.secretariat).toEqual(seed001.secretariat.map((name) => ({ name })));
    expect(draft.items.map((i: { number: string | null }) => i.number)).toEqual([
      null,
      ...seed001.agenda.map((_, i) => `${29 + i}/2017`),
    ]);

    const saved = await api.put(`/api/meetings/${meeting.id}/minutes`, {
      startedAt: "2017-11-23T09:00",
      endedAt: "2017-11-23T11:15",
    });
    expect(saved.status).toBe(200);
    expect((await api.post(`/api/meetings/${meeting.id}/minutes/schedule`, { at: "2030-01-01T08:00" })).status).toBe(409); // not approved yet
    expect((await api.post(`/api/meetings/${meeting.id}/minutes/approve`)).body.status).toBe("approved");
    const locked = await api.put(`/api/meetings/${meeting.id}/minutes`, { place: "Et annet sted" });
    expect(locked.status).toBe(400); // approved: a correction needs a reason

    const at = new Date(app.ctx.clock.now().getTime() + 3 * 86_400_000);
    const local = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo", dateStyle: "short", timeStyle: "short" })
      .format(at)
      .replace(" ", "T");
    const scheduled = await api.post(`/api/meetings/${meeting.id}/minutes/schedule`, { at: local });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.distribution.status).toBe("pending");

    const before = (await emailsTo(app, tag)).filter((e) => e.subject.startsWith("Referat")).length;
    expect(before).toBe(0);
    await runTick(app.ctx); // not due yet
    await app.ctx.queue.drained();
    expect((await emailsTo(app, tag)).filter((e) => e.subject.startsWith("Referat"))).toHaveLength(0);

    app.clock.advance(3 * 86_400_000 + 120_000);
    try {
      // The minutes job runs (with the sends' requeue safety-net jobs, which find nothing left to do).
      expect((await runTick(app.ctx)).failed).toBe(0);
      await app.ctx.queue.drained();
    } finally {
      app.clock.set(new Date());
    }
    const referat = (await emailsTo(app, tag)).filter((e) => e.subject.startsWith("Referat"));
    const recipients = referat.flatMap((e) => e.destination.to).sort();
    // The 16 members and the substitute who attended, each exactly once.
    const expected = [...radmannsgruppen.map((m) => email(m.name)), email("Kari Solberg Økland")].sort();
    expect(recipients).toEqual(expected);
    const text = referat[0]!.body.text ?? "";
    for (const name of seed001.present) {
      const org = radmannsgruppen.find((m) => m.name === name)!.organisation;
      expect(text).toContain(`${name}, ${org}`);
    }
    expect(text).toContain("Kari Solberg Økland for Trond Julin, Drammen");
    for (const name of seed001.absent)
      expect(text).toContain(`${name}, ${radmannsgruppen.find((m) => m.name === name)!.organisation}`);
    for (const name of seed001.secretariat) expect(text).toContain(name);
    for (const item of seed001.agenda) if (item.decision) expect(text.replace(/\s+/g, " ")).toContain(item.decision);
    expect((await api.get(`/api/meetings/${meeting.id}/minutes`)).body.distribution.status).toBe("done");
    const meetingAfter = (await api.get(`/api/meetings/${meeting.id}`)).body.meeting;
    expect(meetingAfter.status).toBe("minutes_sent");
  }, 90_000); // ~15 s alone: 20 members, a send and a referat; give a busy machine room
});
