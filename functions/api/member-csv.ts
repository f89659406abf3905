/** A member list pasted or posted as CSV (name, email, organisation, role), read into checked rows. */
import { parse as parseCsv } from "csv-parse/sync";
import type { CsvRow } from "../../shared/directory/index.js";
import { type FieldError, InvalidError } from "../../shared/errors.js";
import { t } from "../../shared/i18n/nb.js";
import { MemberCsvRow } from "../../shared/inputs.js";
import { fieldErrors } from "../../shared/web/problem.js";

/**
 * Parses and validates every row; throws one error listing every bad row (line numbers as in the
 * file). Lives in this Lambda, not the directory domain: csv-parse is for the secretariat only.
 */
export function parseMemberCsv(text: string): CsvRow[] {
  let records: Record<string, string>[];
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ""), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      delimiter: text.split("\n")[0]?.includes(";") ? ";" : ",",
    });
  } catch (err) {
    throw new InvalidError([{ field: "csv", message: t.memberCsv.unreadable((err as Error).message) }]);
  }
  if (records.length === 0) throw new InvalidError([{ field: "csv", message: t.memberCsv.empty }]);
  const errors: FieldError[] = [];
  const rows: CsvRow[] = [];
  records.forEach((rec, i) => {
    const parsed = MemberCsvRow.safeParse(rec);
    if (parsed.success) rows.push(parsed.data);
    else for (const e of fieldErrors(parsed.error)) errors.push({ field: t.memberCsv.row(i + 2, e.field), message: e.message });
  });
  if (errors.length) throw new InvalidError(errors);
  return rows;
}
