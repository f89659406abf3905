// The attendance CSV against what people type: formula starts (also after spaces, tab, CR, a pipe), delimiters, quotes, line breaks.
import { describe, expect, it } from "vitest";
import { attendanceCsv, type SeatView } from "../../shared/invitations/index.js";

const seat = (name: string, extra: Partial<SeatView> = {}): SeatView => ({
  invitationId: `m-${name.length}`,
  name,
  email: "x@example.org",
  role: "member",
  holdsSeat: true,
  status: "attending",
  label: name,
  ...extra,
});

/** The CSV of one kommune's seats, without the BOM, split into records as a spreadsheet reads them. */
const csvOf = (seats: SeatView[], organisation = "Drammen") => attendanceCsv([{ organisation, seats }]);

describe("attendance CSV", () => {
  it("starts with a UTF-8 BOM, uses CRLF and keeps æøå", () => {
    const csv = csvOf([seat("Åse Ødegård Ærø")], "Øvre Eiker");
    expect(csv.startsWith("\uFEFFNavn;")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv).toContain("\r\nÅse Ødegård Ærø;Øvre Eiker;Medlem;Kommer;;\r\n");
  });

  it.each([
    ["=1+1", "'=1+1"],
    ["+47 900 00 000", "'+47 900 00 000"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1+1", "'\t=1+1"],
    ["|cmd", "'|cmd"],
    ['  =HYPERLINK("http://x")', '"\'  =HYPERLINK(""http://x"")"'],
    ["\r=1+1", '"\'\r=1+1"'],
  ])("defuses %j as a formula", (name, field) => {
    expect(csvOf([seat(name)])).toContain(`\r\n${field};Drammen;Medlem;Kommer;;\r\n`);
  });

  it("quotes a name or note holding the delimiter, a quote or a line break, and doubles the quotes", () => {
    const csv = csvOf([
      seat("Berg; Ola"),
      seat('Kari "KK" Holm', { note: "Kommer\nsent" }),
      seat("Per\r\nHansen", { status: "absent", reason: "Syk" }),
    ]);
    expect(csv).toContain('\r\n"Berg; Ola";Drammen;Medlem;Kommer;;\r\n');
    expect(csv).toContain('\r\n"Kari ""KK"" Holm";Drammen;Medlem;Kommer;;"Kommer\nsent"\r\n');
    expect(csv).toContain('\r\n"Per\r\nHansen";Drammen;Medlem;Forfall;;Syk\r\n');
    // Unquoted, every record has the header's six fields.
    const records = csv.slice(1).match(/("([^"]|"")*"|[^;\r\n"]*)(;("([^"]|"")*"|[^;\r\n"]*))*\r\n/g)!;
    expect(records.map((r) => r.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/).length)).toEqual([6, 6, 6, 6]);
  });
});
