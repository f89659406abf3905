// The demo data of the first local start: Vestregionen's kommuner, three bodies, and the meeting of seed 000.
import type { AppContext } from "../shared/context.js";
import {
  addMember,
  createBody,
  createOrganisation,
  createPerson,
  listBodies,
  updateBody,
  updateMember,
} from "../shared/directory/index.js";
import { addAgendaItem, createMeeting, setNextCaseNumber } from "../shared/meetings/index.js";
import { formatOsloDate, utcToOsloLocal } from "../shared/time.js";
import { demoMeetingTimes } from "./demo-dates.js";
import { bodies, demoEmail, fylkeskommuner, kommuner, radmannsgruppen, secretariat, seed000 } from "./seed-data.js";

/** Personal deputies in the demo (seed 001 names Kari Solberg Økland as Trond Julin's substitute). */
const demoVara = new Map([["Trond Julin", "Kari Solberg Økland"]]);

/**
 * On an empty database, loads Vestregionen: its kommuner and fylkeskommuner, the bodies of the
 * seeds, Rådmannsgruppen's members and the meeting of seed 000 with its agenda (Sak 12–20). The
 * meeting is moved to next month (demo-dates.ts), so it can be sent and answered on any day; its
 * cases keep the seed's numbers, in the meeting's year.
 */
export async function loadDemoDataIfEmpty(ctx: AppContext): Promise<{ loaded: boolean; lines: string[] }> {
  const loginHelp = [
    `  Logg inn lokalt: åpne /logg-inn og bruk ${secretariat.email}; lenken kommer i e-postkassen over.`,
    "  Flere brukere: npm run admin -- user add <e-post>",
  ];
  if ((await listBodies(ctx)).length > 0) return { loaded: false, lines: loginHelp };
  const now = ctx.clock.now();
  const orgIds = new Map<string, string>();
  for (const [name, region] of kommuner) {
    const postmottak = demoEmail(`postmottak ${name}`);
    orgIds.set(name, (await createOrganisation(ctx, { name, kind: "kommune", region, postmottak })).id);
  }
  for (const name of fylkeskommuner) orgIds.set(name, (await createOrganisation(ctx, { name, kind: "fylkeskommune" })).id);
  const bodyIds = new Map<string, string>();
  for (const b of bodies) bodyIds.set(b.key, (await createBody(ctx, { name: b.name, shortName: b.shortName, secretariat })).id);
  const rg = bodyIds.get("rg")!;
  // Rådmannsgruppen shows the secretariat's helpers: copies to postmottak, escalation, vara call-in.
  await updateBody(ctx, rg, { postmottakCopies: true, escalationDaysBeforeDeadline: 1, varaCallIn: true });
  for (const m of radmannsgruppen) {
    const member = await addMember(ctx, rg, {
      person: { name: m.name, email: demoEmail(m.name) },
      organisationId: orgIds.get(m.organisation),
      role: "member",
    });
    const vara = demoVara.get(m.name);
    if (vara) {
      const varaPerson = await createPerson(ctx, { name: vara, email: demoEmail(vara) });
      await updateMember(ctx, rg, member.id, { varaPersonId: varaPerson.id });
    }
  }
  const times = demoMeetingTimes(seed000.meeting, utcToOsloLocal(now.toISOString()).slice(0, 10));
  const year = Number(times.startsAt.slice(0, 4));
  await setNextCaseNumber(ctx, rg, { year, next: seed000.firstCaseNumber });
  const meeting = await createMeeting(ctx, { bodyId: rg, ...seed000.meeting, ...times }, now);
  const numberedCases = seed000.agenda.filter((i) => i.kind !== "opening").length;
  for (const item of seed000.agenda) {
    await addAgendaItem(ctx, meeting.id, { subItems: [], ...item, attachmentNumbers: [] });
  }
  try {
    const { addUser } = await import("../shared/auth/index.js");
    await addUser(ctx, secretariat.email);
  } catch (err) {
    ctx.log.warn("could not add the demo user", { err });
  }
  return {
    loaded: true,
    lines: [
      `  Demodata lastet: Vestregionen, ${bodies.length} organ og møtet i Rådmannsgruppen ${formatOsloDate(meeting.startsAt)} (sak ${seed000.firstCaseNumber}–${seed000.firstCaseNumber + numberedCases - 1}/${year}).`,
      ...loginHelp,
    ],
  };
}
