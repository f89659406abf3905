// Oslo time: storing UTC, showing and entering Europe/Oslo wall-clock time.
/**
 * Times are stored as UTC ISO strings and shown and entered in Europe/Oslo. Intl knows the
 * summer-time rules, so no date library is needed.
 */
const ZONE = "Europe/Oslo";
const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  weekday: "long",
  hourCycle: "h23",
});
type Parts = Record<"year" | "month" | "day" | "hour" | "minute" | "weekday", string>;

function osloParts(at: string | Date): Parts {
  return Object.fromEntries(partsFormat.formatToParts(new Date(at)).map((p) => [p.type, p.value])) as Parts;
}

const weekdays: Record<string, string> = {
  Monday: "Mandag",
  Tuesday: "Tirsdag",
  Wednesday: "Onsdag",
  Thursday: "Torsdag",
  Friday: "Fredag",
  Saturday: "Lørdag",
  Sunday: "Søndag",
};

/** Minutes Oslo is ahead of UTC at a given instant (60 in winter, 120 in summer). */
function offsetMinutes(utcMs: number): number {
  const p = osloParts(new Date(utcMs));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((asUtc - Math.floor(utcMs / 60_000) * 60_000) / 60_000);
}

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

/** "Torsdag 01.06.2017" */
function formatOsloWeekdayDate(iso: string): string {
  return `${weekdays[osloParts(iso).weekday]} ${formatOsloDate(iso)}`;
}

/** "Torsdag 01.06.2017 kl. 09.00 – 12.00", as the innkalling writes it. */
export function formatMeetingTime(startIso: string, endIso: string): string {
  return `${formatOsloWeekdayDate(startIso)} kl. ${formatOsloTime(startIso)} – ${formatOsloTime(endIso)}`;
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
