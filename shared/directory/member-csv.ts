/** The member list from a spreadsheet: the one diff of CSV rows against the current list (for the preview and the import). */
import type { FieldError } from "../errors.js";
import { InvalidError } from "../errors.js";
import { t } from "../i18n/nb.js";
import type { Member, Organisation } from "../model.js";
import type { Db } from "../store/db.js";
import { type CsvRow, getBody, type ImportCounts, listMembers, listOrganisations, writeMemberList } from "../store/directory.js";

type MemberRowChange = "add" | "update" | "unchanged" | "error";

export interface MemberRowPlan extends CsvRow {
  /** The row's line in the file (line 1 is the header). */
  line: number;
  change: MemberRowChange;
  /** Why a row is in error, and the column at fault. */
  problem?: string;
  problemField?: "organisation" | "email";
}

/**
 * What each row would do to the list. A row names its organisation by name (case-insensitive) and
 * its person by email; it changes a membership when the role or the organisation differs. The
 * organisation is compared by id, not by name: a member's organisationName is a copy kept for
 * display, and may lag behind a renamed organisation. A row is an error when its organisation is
 * unknown or its email stood on an earlier row.
 */
export function planMemberImport(rows: CsvRow[], members: Member[], organisations: Organisation[]): MemberRowPlan[] {
  const orgByName = new Map(organisations.map((o) => [o.name.toLowerCase(), o]));
  const memberByEmail = new Map(members.map((m) => [m.personEmail.toLowerCase(), m]));
  const seen = new Set<string>();
  return rows.map((row, i) => {
    const line = i + 2;
    const org = row.organisation ? orgByName.get(row.organisation.toLowerCase()) : undefined;
    const duplicate = seen.has(row.email);
    seen.add(row.email);
    if (row.organisation && !org)
      return {
        ...row,
        line,
        change: "error",
        problem: t.memberCsv.unknownOrganisation(row.organisation),
        problemField: "organisation",
      };
    if (duplicate)
      return { ...row, line, change: "error", problem: t.memberCsv.duplicateEmail(row.email), problemField: "email" };
    const current = memberByEmail.get(row.email.toLowerCase());
    const change = !current ? "add" : current.role === row.role && current.organisationId === org?.id ? "unchanged" : "update";
    return { ...row, line, change };
  });
}

/** Every row in error, as the field at fault ("rad 3.organisation") and why. */
export function planErrors(plan: MemberRowPlan[]): FieldError[] {
  return plan.flatMap((r) =>
    r.problem && r.problemField ? [{ field: t.memberCsv.row(r.line, r.problemField), message: r.problem }] : [],
  );
}

async function planFor(d: Db, bodyId: string, rows: CsvRow[]): Promise<MemberRowPlan[]> {
  const [members, organisations] = await Promise.all([listMembers(d, bodyId), listOrganisations(d)]);
  return planMemberImport(rows, members, organisations);
}

/** What an import would do, without writing (the page's preview). */
export async function previewMemberImport(d: Db, bodyId: string, rows: CsvRow[]): Promise<MemberRowPlan[]> {
  await getBody(d, bodyId);
  return planFor(d, bodyId, rows);
}

/** All or nothing: any row in error and nothing is written (every bad row reported by line). */
export async function importMemberList(d: Db, bodyId: string, rows: CsvRow[]): Promise<ImportCounts> {
  await getBody(d, bodyId);
  const errors = planErrors(await planFor(d, bodyId, rows));
  if (errors.length > 0) throw new InvalidError(errors);
  return writeMemberList(d, bodyId, rows);
}
