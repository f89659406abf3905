// The seat rule (who holds a kommune's seat, when it is answered), the board built on it, and the attendance CSV.
import { describe, expect, it } from "vitest";
import { attendanceCsv, groupRepliesByOrganisation, seatsAnswered, seatsOf } from "../../shared/invitations/index.js";
import type { Invitation, Reply } from "../../shared/model.js";

const at = "2030-05-01T10:00:00.000Z";
const reply = (status: Reply["status"], extra: Partial<Reply> = {}): Reply => ({ status, at, by: "participant", ...extra });
const inv = (id: string, role: string, extra: Partial<Invitation> = {}): Invitation => ({
  id,
  meetingId: "mtg",
  name: `Navn ${id}`,
  email: `${id}@example.org`,
  organisationName: "Drammen",
  role,
  linkVersion: 1,
  withdrawn: false,
  replyVersion: 0,
  createdAt: at,
  ...extra,
});
/** A member who named a substitute, and the substitute's own invitation with the given reply. */
const withSubstitute = (subReply: Reply["status"]) => [
  inv("m-1", "member", {
    reply: reply("substitute", { substitute: { name: "Kari Vara", email: "kari@example.org", invitationId: "s-m-1-1" } }),
  }),
  inv("s-m-1-1", "stedfortreder", {
    name: "Kari Vara",
    substituteFor: { invitationId: "m-1", name: "Navn m-1" },
    reply: reply(subReply, subReply === "absent" ? { reason: "Syk" } : {}),
  }),
];

describe("seatsOf: who holds a seat", () => {
  it("only members hold seats; deputies and observers without a reply never make the kommune unanswered", () => {
    const seats = seatsOf([inv("m-1", "member", { reply: reply("attending") }), inv("m-2", "deputy"), inv("m-3", "observer")]);
    expect(seats.map((s) => [s.invitation.id, s.holdsSeat, s.state])).toEqual([
      ["m-1", true, "attending"],
      ["m-2", false, "no_answer"],
      ["m-3", false, "no_answer"],
    ]);
    expect(seatsAnswered(seats)).toBe(true);
    expect(seatsAnswered(seatsOf([inv("m-1", "member"), inv("m-2", "observer", { reply: reply("attending") })]))).toBe(false);
  });

  it("a seat whose substitute comes is held by the substitute; whose substitute sends forfall is absent", () => {
    const comes = seatsOf(withSubstitute("attending"));
    expect(comes).toHaveLength(1); // the substitute's own invitation is not a line of its own
    expect(comes[0]).toMatchObject({ state: "substitute", holdsSeat: true });
    expect(comes[0]!.substitute?.id).toBe("s-m-1-1");
    const cannot = seatsOf(withSubstitute("absent"));
    expect(cannot[0]).toMatchObject({ state: "absent", substituteAbsent: true });
    // The member's own reply stays as given.
    expect(cannot[0]!.invitation.reply?.status).toBe("substitute");
  });

  it("a withdrawn invitation is no line, and a withdrawn (released) substitute decides nothing", () => {
    const [member, sub] = withSubstitute("absent");
    const seats = seatsOf([member!, { ...sub!, withdrawn: true }, inv("m-9", "member", { withdrawn: true })]);
    expect(seats).toHaveLength(1);
    expect(seats[0]).toMatchObject({ state: "substitute" });
    expect(seats[0]!.substituteAbsent).toBeUndefined();
  });
});

describe("the board and the CSV", () => {
  it("counts only seats, marks bounced and complained addresses, and shows a substitute's forfall", () => {
    const board = groupRepliesByOrganisation(
      [...withSubstitute("absent"), inv("m-2", "observer"), inv("m-3", "member"), inv("m-4", "member")],
      new Map([
        ["m-3@example.org", "bounced" as const],
        ["m-4@example.org", "complained" as const],
      ]),
    );
    expect(board.totals).toMatchObject({ seats: 3, absent: 1, substitute: 0, noAnswer: 0, bounced: 2, others: 1 });
    const seats = board.organisations[0]!.seats;
    expect(seats.find((s) => s.invitationId === "m-1")).toMatchObject({
      status: "absent",
      substituteAbsent: true,
      substitute: { reply: "absent", reason: "Syk" },
    });
    expect(seats.find((s) => s.invitationId === "m-3")).toMatchObject({ status: "bounced", suppressed: "bounced" });
    expect(seats.find((s) => s.invitationId === "m-4")).toMatchObject({ status: "bounced", suppressed: "complained" });
    expect(seats.find((s) => s.invitationId === "m-2")).toMatchObject({ holdsSeat: false, status: "no_answer" });
  });

  it("writes one row per person (and per substitute), statuses in Norwegian, quoted where needed, formulas defused", () => {
    const board = groupRepliesByOrganisation(
      [
        ...withSubstitute("attending"),
        inv("m-2", "member", {
          name: 'Ola "Ola" Nordmann',
          organisationName: "Drammen",
          reply: reply("attending", { note: "Kommer kl. 10; går 11" }),
        }),
        inv("m-3", "observer", { name: "=HYPERLINK(1)", organisationName: "Drammen" }),
      ],
      new Map(),
    );
    const csv = attendanceCsv(board.organisations);
    expect(csv.startsWith("\uFEFFNavn;Kommune/organisasjon;Rolle;Status;Stedfortreder for;Merknad\r\n")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toContain("Navn m-1;Drammen;Medlem;Sender stedfortreder;;");
    expect(lines).toContain("Kari Vara;Drammen;Stedfortreder;Kommer;Navn m-1;");
    expect(lines).toContain('"Ola ""Ola"" Nordmann";Drammen;Medlem;Kommer;;"Kommer kl. 10; går 11"');
    expect(lines).toContain("'=HYPERLINK(1);Drammen;Observatør;Ikke svart;;");
  });
});
