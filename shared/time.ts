// Oslo time: storing UTC, showing and entering Europe/Oslo wall-clock time.
/**
 * Times are stored as UTC ISO strings and shown and entered in Europe/Oslo. Norway follows the
 * EU summer-time rule (since 1996): UTC+2 from 01:00 UTC on the last Sunday of March to 01:00 UTC
 * on the last Sunday of October, UTC+1 otherwise. Computed here rather than with Intl, whose first
 * use in a process costs some 20 ms of ICU start-up on the reply page's path (test/unit checks this
 * rule against Intl's tz data).
 */
type Parts = Record<"year" | "month" | "day" | "hour" | "minute", string> & { weekday: number };

/** 01:00 UTC on the last Sunday of a month (0-based month). */
function lastSundayAt0100Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** Minutes Oslo is ahead of UTC at a given instant (60 in winter, 120 in summer). */
function offsetMinutes(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  return utcMs >= lastSundayAt0100Utc(year, 2) && utcMs < lastSundayAt0100Utc(year, 9) ? 120 : 60;
}

const two = (n: number) => String(n).padStart(2, "0");

function osloParts(at: string | Date): Parts {
  const utcMs = new Date(at).getTime();
  const wall = new Date(utcMs + offsetMinutes(utcMs) * 60_000);
  return {
    year: String(wall.getUTCFullYear()),
    month: two(wall.getUTCMonth() + 1),
    day: two(wall.getUTCDate()),
    hour: two(wall.getUTCHours()),
    minute: two(wall.getUTCMinutes()),
    weekday: wall.getUTCDay(),
  };
}

const weekdays = {
  nb: ["Søndag", "Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag"],
  nn: ["Sundag", "Måndag", "Tysdag", "Onsdag", "Torsdag", "Fredag", "Laurdag"],
};

/**
 * "2017-06-01T09:00" in Oslo → "2017-06-01T07:00:00.000Z". On the autumn switch the repeated hour
 * means its first occurrence; the hour skipped in spring moves forward (02:30 → 03:30 summer time).
 */
export function osloLocalToUtc(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) throw new Error(`invalid local time ${local}`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const candidates = [offsetMinutes(wall - 3 * 3_600_000), offsetMinutes(wall + 3 * 3_600_000)].sort((a, b) => b - a);
  for (const offset of candidates) {
    const utc = wall - offset * 60_000;
    if (offsetMinutes(utc) === offset) return new Date(utc).toISOString();
  }
  return new Date(wall - Math.min(...candidates) * 60_000).toISOString();
}

/** For <input type="datetime-local">: "YYYY-MM-DDTHH:mm" in Oslo. */
export function utcToOsloLocal(iso: string): string {
  const p = osloParts(iso);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** "01.06.2017" */
export function formatOsloDate(iso: string): string {
  const p = osloParts(iso);
  return `${p.day}.${p.month}.${p.year}`;
}

/** "09.00" */
function formatOsloTime(iso: string): string {
  const p = osloParts(iso);
  return `${p.hour}.${p.minute}`;
}

/** "Torsdag 01.06.2017" ("Tysdag" in nynorsk) */
function formatOsloWeekdayDate(iso: string, language: "nb" | "nn" = "nb"): string {
  return `${weekdays[language][osloParts(iso).weekday]} ${formatOsloDate(iso)}`;
}

/** "Torsdag 01.06.2017 kl. 09.00 – 12.00", as the innkalling writes it. */
export function formatMeetingTime(startIso: string, endIso: string, language: "nb" | "nn" = "nb"): string {
  return `${formatOsloWeekdayDate(startIso, language)} kl. ${formatOsloTime(startIso)} – ${formatOsloTime(endIso)}`;
}

/** "01.06.2017 kl. 09.00" */
export function formatOsloDateTime(iso: string): string {
  return `${formatOsloDate(iso)} kl. ${formatOsloTime(iso)}`;
}

/** The year in Oslo (a sak number belongs to the meeting's year there). */
export function osloYear(iso: string): number {
  return Number(osloParts(iso).year);
}

/** Input time → stored UTC ISO. Wall-clock input ("2017-06-01T09:00") is Oslo time (summer time handled); an offset or Z is kept. */
export function toUtcIso(input: string): string {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(input)) return new Date(input).toISOString();
  return osloLocalToUtc(input.slice(0, 16));
}
