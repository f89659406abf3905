// A substitute's invitation, as the send worker makes it: it says they may answer through their link or send forfall.
import { describe, expect, it } from "vitest";
import { type ApiClient, useApiApp } from "../support/api.js";
import type { TestApp } from "../support/harness.js";
import { emailsTo, invitedMeeting } from "../support/scenario.js";

describe("a substitute's invitation", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });

  it("tells the substitute they may reply or send forfall, in an email marked Norwegian", async () => {
    const s = await invitedMeeting(app, api, 2);
    const substitute = { name: `Kari Vikar ${s.tag}`, email: `kari-${s.tag}@example.org` };
    const recorded = await api.post(`/api/meetings/${s.meeting.id}/replies`, {
      invitationId: s.invitationIds[0],
      status: "substitute",
      substitute,
    });
    expect(recorded.status).toBe(200);
    await app.ctx.queue.drained();
    let mail: Awaited<ReturnType<typeof emailsTo>>[number] | undefined;
    for (let i = 0; i < 100 && !mail; i++) {
      mail = (await emailsTo(app, s.tag)).find((e) => e.destination.to.includes(substitute.email));
      if (!mail) await new Promise((r) => setTimeout(r, 50));
    }
    const text = (mail?.body.text ?? "").replace(/\s+/g, " ");
    expect(text).toContain(`Som stedfortreder for ${s.members[0]!.name} kan du selv svare gjennom lenken`);
    expect(text).toContain("meld forfall");
    expect(mail?.body.html).toMatch(/<html[^>]* lang="nb"/);
    // The member's own invitation says nothing of the kind.
    const own = (await emailsTo(app, s.tag)).find((e) => e.destination.to.includes(s.members[1]!.email));
    expect(own?.body.text).not.toContain("Som stedfortreder");
  });
});
