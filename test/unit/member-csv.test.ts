/** The one diff of a member CSV against the list: what each row would do, and which rows are errors. */
import { describe, expect, it } from "vitest";
import { type CsvRow, planErrors, planMemberImport } from "../../shared/directory/index.js";
import type { Member, Organisation } from "../../shared/model.js";

const asker: Organisation = { id: "org-asker", name: "Asker kommune", kind: "kommune" };
const baerum: Organisation = { id: "org-baerum", name: "Bærum kommune", kind: "kommune" };
const member = (email: string, extra: Partial<Member> = {}): Member => ({
  id: `m-${email}`,
  bodyId: "b1",
  personId: `p-${email}`,
  role: "member",
  personName: email,
  personEmail: email,
  ...extra,
});
const row = (email: string, extra: Partial<CsvRow> = {}): CsvRow => ({ name: email, email, role: "member", ...extra });

describe("planMemberImport", () => {
  it("adds the new, updates a changed role or organisation, leaves the rest; line numbers as in the file", () => {
    const members = [
      member("kari@asker.kommune.no", { organisationId: asker.id, organisationName: asker.name }),
      member("ola@baerum.kommune.no", { organisationId: baerum.id, organisationName: baerum.name }),
    ];
    const plan = planMemberImport(
      [
        row("kari@asker.kommune.no", { organisation: "asker kommune" }),
        row("ola@baerum.kommune.no", { organisation: "Bærum kommune", role: "deputy" }),
        row("ny@asker.kommune.no", { organisation: "Asker kommune" }),
      ],
      members,
      [asker, baerum],
    );
    expect(plan.map((r) => [r.line, r.change])).toEqual([
      [2, "unchanged"],
      [3, "update"],
      [4, "add"],
    ]);
    expect(planErrors(plan)).toEqual([]);
  });

  it("compares the organisation by id, not by the member's stored name (which may lag behind a rename)", () => {
    // Stored before Asker was renamed: the name differs, the organisation is the same.
    const members = [member("kari@asker.kommune.no", { organisationId: asker.id, organisationName: "Asker" })];
    expect(planMemberImport([row("kari@asker.kommune.no", { organisation: "Asker kommune" })], members, [asker])[0]?.change).toBe(
      "unchanged",
    );
    // Same name stored, but the row names another organisation: an update.
    const moved = [member("kari@asker.kommune.no", { organisationId: baerum.id, organisationName: "Asker kommune" })];
    expect(
      planMemberImport([row("kari@asker.kommune.no", { organisation: "Asker kommune" })], moved, [asker, baerum])[0]?.change,
    ).toBe("update");
    // No organisation in the row takes it away.
    expect(planMemberImport([row("kari@asker.kommune.no")], moved, [asker, baerum])[0]?.change).toBe("update");
  });

  it("an unknown organisation or an email given twice is an error, reported by line and column", () => {
    const plan = planMemberImport([row("a@x.no", { organisation: "Atlantis" }), row("b@x.no"), row("b@x.no")], [], [asker]);
    expect(plan.map((r) => r.change)).toEqual(["error", "add", "error"]);
    expect(planErrors(plan)).toEqual([
      { field: "rad 2.organisation", message: "Ukjent organisasjon «Atlantis»." },
      { field: "rad 4.email", message: "E-postadressen b@x.no står to ganger." },
    ]);
  });
});
