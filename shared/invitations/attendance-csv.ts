// The attendance list as CSV (the board's lines, and a line for each named substitute), for a spreadsheet.
import type { AppContext } from "../context.js";
import { nbPages } from "../i18n/nb-pages.js";
import { nbReplies } from "../i18n/nb-replies.js";
import { listMeetingReplies } from "./board.js";
import { groupRepliesByOrganisation, type SeatView } from "./replies.js";

const r = nbReplies;

/**
 * One field: quoted when it holds the delimiter, a quote, a line break or edge spaces (quotes
 * doubled, RFC 4180). A field a spreadsheet could read as a formula or a DDE call (= + - @ |,
 * also after leading spaces, which an import may trim; tab or CR first: a substitute's name is
 * typed by a participant) is prefixed with an apostrophe.
 */
function csvField(value: string): string {
  const safe = /^\s*[=+\-@|]|^[\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const roleName = (role: string) => (nbPages.roles as Record<string, string>)[role] ?? role;

/**
 * The attendance list: name, kommune/organisation, role, status in Norwegian, whom a substitute
 * stands in for, note (reason and the secretariat's note). Semicolon-separated with a BOM and
 * CRLF: Excel with Norwegian settings opens it as columns, with æøå intact.
 */
export function attendanceCsv(organisations: { organisation: string; seats: SeatView[] }[]): string {
  const rows: string[][] = [r.csvHeader];
  const note = (...parts: (string | undefined)[]) => parts.filter(Boolean).join("; ");
  for (const o of organisations) {
    for (const seat of o.seats) {
      rows.push([seat.name, o.organisation, roleName(seat.role), r.csvStatus[seat.status], "", note(seat.reason, seat.note)]);
      const sub = seat.substitute;
      if (sub)
        rows.push([
          sub.name,
          o.organisation,
          r.substituteRole,
          sub.reply ? r.csvStatus[sub.reply] : r.csvStatus.no_answer,
          seat.name,
          note(sub.reason),
        ]);
    }
  }
  return `\uFEFF${rows.map((row) => row.map(csvField).join(";")).join("\r\n")}\r\n`;
}

/** The download of a meeting's attendance list: the CSV and its headers (an attachment, never cached). */
export async function attendanceDownload(ctx: AppContext, meetingId: string) {
  const { bundle, invitations, bounced } = await listMeetingReplies(ctx, meetingId);
  const { organisations } = groupRepliesByOrganisation(invitations, bounced);
  return {
    body: attendanceCsv(organisations),
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${r.csvFilename(bundle.meeting.id)}"`,
      "Cache-Control": "no-store",
    },
  };
}
