/** A body's settings, a kommune's postmottak and a member's vara through the JSON API (DynamoDB Local, real app). */
import { describe, expect, it } from "vitest";
import { type ApiClient, setupBody, useApiApp } from "../support/api.js";
import type { TestApp } from "../support/harness.js";

describe("directory settings in the API", () => {
  let api!: ApiClient;
  useApiApp((_a: TestApp, c) => {
    api = c;
  });

  it("sets a body's language, postmottak copies, escalation and vara call-in; null clears the escalation", async () => {
    const { body } = await setupBody(api, "Styringsgruppen");
    const set = await api.patch(`/api/bodies/${body.id}`, {
      language: "nn",
      postmottakCopies: true,
      escalationDaysBeforeDeadline: 3,
      varaCallIn: true,
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ language: "nn", postmottakCopies: true, escalationDaysBeforeDeadline: 3, varaCallIn: true });
    const listed = (await api.get("/api/bodies")).body.items.find((b: { id: string }) => b.id === body.id);
    expect(listed).toMatchObject({ name: "Styringsgruppen", language: "nn", escalationDaysBeforeDeadline: 3 });

    const cleared = await api.patch(`/api/bodies/${body.id}`, { escalationDaysBeforeDeadline: null });
    expect(cleared.body.escalationDaysBeforeDeadline).toBeUndefined();
    expect(cleared.body.language).toBe("nn");
  });

  it("refuses bad settings with a problem in Norwegian, and changes nothing", async () => {
    const { body } = await setupBody(api, "Kontaktutvalget");
    for (const bad of [
      { language: "sv" },
      { escalationDaysBeforeDeadline: 0 },
      { escalationDaysBeforeDeadline: 2.5 },
      {},
      { colour: "rød" },
    ]) {
      const res = await api.patch(`/api/bodies/${body.id}`, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    const days = await api.patch(`/api/bodies/${body.id}`, { escalationDaysBeforeDeadline: 31 });
    expect(JSON.stringify(days.body)).toContain("Høyst 30 dager før svarfristen.");
    expect((await api.get("/api/bodies")).body.items.find((b: { id: string }) => b.id === body.id).language).toBeUndefined();
    expect((await api.patch("/api/bodies/finnes-ikke", { varaCallIn: true })).status).toBe(404);
  });

  it("sets and clears a kommune's postmottak (stored in lower case)", async () => {
    const org = (await api.post("/api/organisations", { name: "Hole kommune" })).body;
    const set = await api.patch(`/api/organisations/${org.id}`, { postmottak: "Postmottak@Hole.kommune.no" });
    expect(set.status).toBe(200);
    expect(set.body.postmottak).toBe("postmottak@hole.kommune.no");
    const listed = (await api.get("/api/organisations")).body.items.find((o: { id: string }) => o.id === org.id);
    expect(listed.postmottak).toBe("postmottak@hole.kommune.no");
    expect((await api.patch(`/api/organisations/${org.id}`, { postmottak: "ikke en adresse" })).status).toBe(400);
    const cleared = await api.patch(`/api/organisations/${org.id}`, { postmottak: null });
    expect(cleared.body.postmottak).toBeUndefined();
    expect(cleared.body.name).toBe("Hole kommune");
  });

  it("gives a member a personal vara (name and address copied), refuses the member as their own vara, clears it", async () => {
    const { body } = await setupBody(api, "Rådmannsgruppen", [
      { name: "Trond Julin", email: "trond.julin@lier.kommune.no", organisation: "Lier kommune" },
    ]);
    const [member] = (await api.get(`/api/bodies/${body.id}/members`)).body.items;
    const vara = (await api.post("/api/people", { name: "Kari Solberg Økland", email: "kari.okland@lier.kommune.no" })).body;
    const path = `/api/bodies/${body.id}/members/${member.id}`;

    const set = await api.patch(path, { varaPersonId: vara.id });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      varaPersonId: vara.id,
      varaName: "Kari Solberg Økland",
      varaEmail: "kari.okland@lier.kommune.no",
    });

    const self = await api.patch(path, { varaPersonId: member.personId });
    expect(self.status).toBe(400);
    expect(JSON.stringify(self.body)).toContain("Varaen kan ikke være medlemmet selv.");
    expect((await api.patch(path, { varaPersonId: "finnes-ikke" })).status).toBe(404);

    // A corrected address reaches the member's copy of their vara, as it reaches the member's own.
    await api.patch(path, { varaPersonId: vara.id });
    expect((await api.patch(`/api/people/${vara.id}`, { email: "kari.s.okland@lier.kommune.no" })).status).toBe(200);
    const [copied] = (await api.get(`/api/bodies/${body.id}/members`)).body.items;
    expect(copied).toMatchObject({ varaEmail: "kari.s.okland@lier.kommune.no", personEmail: "trond.julin@lier.kommune.no" });

    const cleared = await api.patch(path, { varaPersonId: null });
    expect(cleared.body.varaPersonId).toBeUndefined();
    expect(cleared.body.varaEmail).toBeUndefined();
    expect(cleared.body.personName).toBe("Trond Julin");
  });
});
