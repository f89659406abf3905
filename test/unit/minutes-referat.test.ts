// The referat tells what happened: sub-items with their own outcome, who held a seat, the secretariat by organisation,
// the chosen attachments and a correction after distribution.
import { describe, expect, it } from "vitest";
import { InvalidError } from "../../shared/errors.js";
import { draftMinutes, editMinutes, minutesEmailContent, SaveMinutesInput, secretariatLine } from "../../shared/minutes/index.js";
import type { AgendaItem, Body, Invitation, Meeting, Member } from "../../shared/model.js";

const meeting = {
  id: "m1",
  startsAt: "2016-06-01T07:00:00.000Z",
  endsAt: "2016-06-01T10:00:00.000Z",
  place: "Drammen",
} as Meeting;
const body = { name: "Rådmannsgruppen", secretariat: { name: "Vestregionen", email: "s@v.no" } } as Body;
const now = new Date("2016-06-02T08:00:00.000Z");
/** Sak 18/2016 of seed 000, shortened. */
const case18 = {
  id: "i18",
  number: "18/2016",
  title: "Prosjekter innen prioriterte satsingsområder",
  kind: "information",
  subItems: [
    { letter: "A", title: "Kommunehelsesamarbeidet", bullets: ["Psykisk helse og rus", "Funksjonsorienterte pasientforløp"] },
    { letter: "B", title: "KomUt", bullets: ["Status kjernejournal"] },
    { letter: "C", title: "BPA", bullets: [] },
  ],
  attachmentNumbers: [],
} as unknown as AgendaItem;
const inv = (id: string, name: string, role: string, reply?: Partial<NonNullable<Invitation["reply"]>>, extra = {}) =>
  ({ id, name, role, organisationName: "Asker", withdrawn: false, reply, ...extra }) as Invitation;
const draftOf = (invitations: Invitation[], members: Member[] = []) =>
  draftMinutes({ meeting, agenda: [case18], invitations }, body, members, now);

describe("sub-items", () => {
  const draft = draftOf([]);

  it("are drafted in order, the agenda's points as their text, noted", () => {
    expect(draft.items[0]?.subItems).toEqual([
      {
        letter: "A",
        title: "Kommunehelsesamarbeidet",
        text: "- Psykisk helse og rus\n- Funksjonsorienterte pasientforløp",
        status: "noted",
      },
      { letter: "B", title: "KomUt", text: "- Status kjernejournal", status: "noted" },
      { letter: "C", title: "BPA", text: undefined, status: "noted" },
    ]);
  });

  it("are edited by letter, each with its own outcome; a new letter needs a title", () => {
    const next = editMinutes(
      draft,
      {
        items: [
          {
            itemId: "i18",
            subItems: [
              { letter: "B", status: "decided", decision: "Kjernejournal innføres." },
              { letter: "C", status: "postponed", text: "" },
              { letter: "H", title: "Nytt punkt", text: "Tatt opp i møtet." },
            ],
          },
        ],
      },
      "s",
      now,
    );
    expect(next.items[0]?.subItems?.map((s) => [s.letter, s.status, s.decision])).toEqual([
      ["A", "noted", undefined],
      ["B", "decided", "Kjernejournal innføres."],
      ["C", "postponed", undefined],
      ["H", "noted", undefined],
    ]);
    expect(() => editMinutes(draft, { items: [{ itemId: "i18", subItems: [{ letter: "Q" }] }] }, "s", now)).toThrow(InvalidError);
  });

  it("refuses the same letter twice in one case, in Norwegian", () => {
    const parsed = SaveMinutesInput.safeParse({
      items: [{ itemId: "i18", subItems: [{ letter: "A" }, { letter: "A" }] }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain("Bokstaven A er brukt to ganger");
  });
});

describe("attendance from the replies", () => {
  it("lists only members' seats as forfall; deputies and observers who come are present", () => {
    const draft = draftOf([
      inv("a", "Erik", "member", { status: "attending" }),
      inv("b", "Nils", "member"),
      inv("c", "Vara Vera", "deputy"),
      inv("d", "Observatør Olga", "observer", { status: "attending" }),
      inv("e", "Observatør Otto", "observer", { status: "absent" }),
    ]);
    expect(draft.present.map((a) => a.name)).toEqual(["Erik", "Observatør Olga"]);
    expect(draft.absent.map((a) => a.name)).toEqual(["Nils"]);
  });

  it("a seat whose substitute cannot come after all is forfall", () => {
    const draft = draftOf([
      inv("a", "Trond", "member", { status: "substitute", substitute: { name: "Kari", email: "k@x", invitationId: "s" } }),
      inv("s", "Kari", "stedfortreder", { status: "absent" }, { substituteFor: { invitationId: "a", name: "Trond" } }),
    ]);
    expect(draft.present).toEqual([]);
    expect(draft.absent).toEqual([{ name: "Trond", organisation: "Asker" }]);
  });
});

describe("the secretariat", () => {
  const member = (id: string, personName: string, organisationName?: string) =>
    ({ id, role: "secretariat", personName, organisationName }) as Member;

  it("is drafted with organisations and written grouped by organisation", () => {
    const draft = draftOf(
      [],
      [
        member("1", "Nina Solberg", "Vestregionen"),
        member("2", "Lena Hansson", "Vestregionen"),
        member("3", "Kari Nordmann", "Bærum"),
      ],
    );
    expect(draft.secretariat[0]).toEqual({ name: "Nina Solberg", organisation: "Vestregionen" });
    expect(secretariatLine(draft.secretariat)).toBe("Nina Solberg og Lena Hansson, Vestregionen, Kari Nordmann, Bærum");
  });
});

describe("attachments and corrections", () => {
  const draft = draftOf([]);
  const atts = [
    { number: 1, title: "Budsjett" },
    { number: 2, title: "Presentasjon fra møtet" },
  ];

  it("only existing attachments can go with the referat, and only those chosen are linked", () => {
    expect(() => editMinutes(draft, { attachmentNumbers: [2, 9] }, "s", now, { attachmentNumbers: [1, 2] })).toThrow(
      /Vedlegg 9 finnes ikke/,
    );
    const chosen = editMinutes(draft, { attachmentNumbers: [2] }, "s", now, { attachmentNumbers: [1, 2] });
    expect(minutesEmailContent(chosen, atts).attachments).toEqual([{ number: 2, title: "Presentasjon fra møtet" }]);
    expect(minutesEmailContent(draft, atts).attachments).toHaveLength(2); // never chosen: all
  });

  it("a correction after distribution is said in the next email, one before is not", () => {
    const approved = { ...draft, version: 2, status: "approved" as const };
    const edit = { place: "Asker", correctionReason: "Feil sted" };
    expect(minutesEmailContent(editMinutes(approved, edit, "s", now), atts).correction).toBeUndefined();
    const afterSent = editMinutes(approved, edit, "s", now, { distributed: true });
    expect(minutesEmailContent(afterSent, atts).correction).toBe("Feil sted");
    expect(minutesEmailContent(afterSent, atts).items[0]?.subItems).toHaveLength(3);
  });
});
