// A held meeting for the referat tests: members, a deputy, an observer and a secretariat with organisations;
// a case with sub-items (as Sak 18/2016 of seed 000); the invitation sent and the replies recorded.
import { runTick } from "../../shared/job-kinds/index.js";
import type { ApiClient } from "../support/api.js";
import type { TestApp } from "../support/harness.js";
import { meetingWithMembers, waitForSend } from "../support/scenario.js";

/** The meeting of meetingWithMembers starts 2030-06-01 09:00 Oslo time; this is after it ended. */
export const AFTER_MEETING = new Date("2030-06-01T12:00:00Z");

export async function heldMeeting(api: ApiClient) {
  const s = await meetingWithMembers(api, 3);
  const person = (name: string) => ({ name: `${name} ${s.tag}`, email: `${name.toLowerCase()}-${s.tag}@example.org` });
  const org = async (name: string) => (await api.post("/api/organisations", { name: `${name} ${s.tag}` })).body.id as string;
  const vestregionen = await org("Vestregionen");
  const addMember = async (name: string, role: string, organisationId?: string) =>
    api.post(`/api/bodies/${s.body.id}/members`, { person: person(name), role, ...(organisationId ? { organisationId } : {}) });
  await addMember("Vara", "deputy");
  await addMember("Olga", "observer");
  await addMember("Otto", "observer");
  await addMember("Nina", "secretariat", vestregionen);
  await addMember("Lena", "secretariat", vestregionen);
  const added = await api.post(`/api/meetings/${s.meeting.id}/agenda`, {
    kind: "information",
    title: "Prosjekter innen prioriterte satsingsområder",
    subItems: [
      { letter: "A", title: "Kommunehelsesamarbeidet", bullets: ["Psykisk helse og rus"] },
      { letter: "B", title: "KomUt", bullets: ["Status kjernejournal", "Status helsestasjoner"] },
      { letter: "C", title: "BPA" },
    ],
  });
  if (added.status !== 201) throw new Error(`agenda item not added: ${JSON.stringify(added.body)}`);
  const case18 = added.body as { id: string };
  const { sendId } = (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all" })).body;
  await waitForSend(api, sendId);
  const seats = (await api.get(`/api/meetings/${s.meeting.id}/replies`)).body.organisations.flatMap(
    (o: { seats: unknown[] }) => o.seats,
  ) as { name: string; invitationId: string }[];
  const seatOf = (name: string) => seats.find((x) => x.name.startsWith(name))!.invitationId;
  const reply = (name: string, status: string) =>
    api.post(`/api/meetings/${s.meeting.id}/replies`, { invitationId: seatOf(name), status });
  // Member 1 and observer Olga come; member 2 sends forfall; member 3, the deputy and Otto never answer.
  await reply("Deltaker 1", "attending");
  await reply("Deltaker 2", "absent");
  await reply("Olga", "attending");
  return { ...s, case18, seatOf };
}

/** Runs the scheduled jobs that are due now, and waits for the sends they made. */
export async function tickAndDrain(app: TestApp): Promise<number> {
  const { failed } = await runTick(app.ctx);
  await app.ctx.queue.drained();
  return failed;
}
