/** Times are stored as UTC ISO strings and shown in Europe/Oslo (summer time handled by Intl). */
const ZONE = "Europe/Oslo";
const parts = (iso: string | Date) => {
  const f = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", weekday: "long", hourCycle: "h23" });
  const p = Object.fromEntries(f.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return p as Record<"year" | "month" | "day" | "hour" | "minute" | "weekday", string>;
};
const weekdays: Record<string, string> = { Monday: "Mandag", Tuesday: "Tirsdag", Wednesday: "Onsdag", Thursday: "Torsdag", Friday: "Fredag", Saturday: "Lørdag", Sunday: "Søndag" };

function offsetMinutes(utcMs: number): number {
  const p = parts(new Date(utcMs));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((asUtc - Math.floor(utcMs / 60000) * 60000) / 60000);
}

export function osloLocalToUtc(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) throw new Error(`invalid local time ${local}`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // Try the offsets in force around that wall time; the first that maps back wins (ambiguous: first).
  const candidates = [offsetMinutes(wall - 3 * 3600_000), offsetMinutes(wall + 3 * 3600_000)];
  for (const off of candidates.sort((a, b) => b - a)) {
    const utc = wall - off * 60_000;
    if (offsetMinutes(utc) === off) return new Date(utc).toISOString();
  }
  // Non-existent (spring forward): move forward by the gap.
  return new Date(wall - Math.min(...candidates) * 60_000).toISOString();
}

export function utcToOsloLocal(iso: string): string {
  const p = parts(iso);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
export const formatOsloDate = (iso: string) => { const p = parts(iso); return `${p.day}.${p.month}.${p.year}`; };
export const formatOsloTime = (iso: string) => { const p = parts(iso); return `${p.hour}.${p.minute}`; };
export const formatOsloWeekdayDate = (iso: string) => `${weekdays[parts(iso).weekday]} ${formatOsloDate(iso)}`;
export const formatMeetingTime = (start: string, end: string) => `${formatOsloWeekdayDate(start)} kl. ${formatOsloTime(start)} – ${formatOsloTime(end)}`;
export const formatOsloDateTime = (iso: string) => `${formatOsloDate(iso)} kl. ${formatOsloTime(iso)}`;
export const osloYear = (iso: string) => Number(parts(iso).year);
