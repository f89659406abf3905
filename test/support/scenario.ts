// A body with members in distinct kommuner and a meeting with two cases; waiting for a send to finish.
import { randomUUID } from "node:crypto";
import { type ApiClient, setupBody } from "./api.js";
import { hiddenField } from "./forms.js";
import { type StoredEmail, sesEmails, type TestApp } from "./harness.js";

/** A body with n members in distinct kommuner (unique addresses per test) and a meeting with two cases. */
export async function meetingWithMembers(api: ApiClient, n: number, opts: { deadline?: string; start?: string } = {}) {
  const tag = randomUUID().slice(0, 8);
  const kommuner = ["Asker", "Bærum", "Drammen", "Lier", "Øvre Eiker", "Hole", "Modum", "Sande", "Sigdal", "Svelvik"];
  const members = Array.from({ length: n }, (_, i) => ({
    name: `Deltaker ${i + 1} ${tag}`,
    email: `d${i + 1}-${tag}@example.org`,
    organisation: `${kommuner[i % kommuner.length]} ${tag}`,
  }));
  const { body } = await setupBody(api, `Organ ${tag}`, members);
  const start = opts.start ?? "2030-06-01T09:00";
  const meeting = (
    await api.post("/api/meetings", {
      bodyId: body.id,
      title: `Møte ${tag}`,
      startsAt: start,
      endsAt: start.replace("T09:00", "T12:00"),
      place: "Rådhuset i Drammen",
      ...(opts.deadline ? { replyDeadline: opts.deadline } : {}),
    })
  ).body;
  await api.post(`/api/meetings/${meeting.id}/agenda`, {
    title: "Referat fra forrige møte",
    proposedDecision: "Referatet godkjennes.",
  });
  await api.post(`/api/meetings/${meeting.id}/agenda`, { title: "Budsjett", proposedDecision: "Budsjettet vedtas." });
  return { tag, body, meeting, members };
}

/** Waits until the send is finished (nothing queued or in flight). */
export async function waitForSend(api: ApiClient, sendId: string, timeoutMs = 20_000) {
  const start = Date.now();
  for (;;) {
    const p = (await api.get(`/api/sends/${sendId}`)).body;
    if (p.done) return p;
    if (Date.now() - start > timeoutMs) throw new Error(`send ${sendId} not done: ${JSON.stringify(p)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function emailsTo(app: TestApp, tag: string): Promise<StoredEmail[]> {
  return sesEmails(app.sesEndpoint, (a) => a.includes(tag));
}

export function countPerRecipient(emails: StoredEmail[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of emails) for (const to of e.destination.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}

/** The personal reply link in an email (HTML or text part). */
export function replyLink(email: StoredEmail): string {
  const m = /https?:\/\/[^\s"'<>]+\/r\/[A-Za-z0-9._-]+/.exec(`${email.body.text ?? ""} ${email.body.html ?? ""}`);
  if (!m) throw new Error(`no reply link in email "${email.subject}"`);
  return m[0];
}

/**
 * A meeting whose invitation has gone out to n members: each member's personal link (read from
 * their email, pointed at this app) and invitation id (from the board).
 */
export async function invitedMeeting(app: TestApp, api: ApiClient, n: number, deadline = "2030-05-25T12:00") {
  const s = await meetingWithMembers(api, n, { deadline });
  const { sendId } = (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all" })).body;
  await waitForSend(api, sendId);
  const emails = await emailsTo(app, s.tag);
  const links = s.members.map((m) =>
    replyLink(emails.find((e) => e.destination.to.includes(m.email))!).replace(/^https?:\/\/[^/]+/, app.baseUrl),
  );
  const board = (await api.get(`/api/meetings/${s.meeting.id}/replies`)).body;
  const seats: { invitationId: string; email: string }[] = board.organisations.flatMap((o: { seats: unknown[] }) => o.seats);
  const invitationIds = s.members.map((m) => seats.find((x) => x.email === m.email)!.invitationId);
  return { ...s, links, invitationIds };
}

/** The form token on a personal link's reply page. */
export const csrfOfLink = async (link: string) => hiddenField(await (await fetch(link)).text(), "csrf");
