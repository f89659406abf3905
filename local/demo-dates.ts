// The demo meeting's dates: the seed's weekday and hours, moved to next month, so the walk-through works on any day.

/** Oslo wall-clock times as the seed writes them ("2017-06-01T09:00"). */
export interface MeetingTimes {
  startsAt: string;
  endsAt: string;
  replyDeadline: string;
}

const DAY_MS = 86_400_000;
/** The reply deadline is at least this far ahead, so there is time to send and answer. */
const DEADLINE_AHEAD_DAYS = 7;

const dateOf = (local: string) => Date.UTC(Number(local.slice(0, 4)), Number(local.slice(5, 7)) - 1, Number(local.slice(8, 10)));
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((dateOf(to) - dateOf(from)) / DAY_MS);
/** The same wall-clock time, `days` later. */
const shift = (local: string, days: number) => `${isoDate(dateOf(local) + days * DAY_MS)}${local.slice(10)}`;

/**
 * The seed's meeting moved to the first day of next month (after `today`, an Oslo date
 * "YYYY-MM-DD") on the seed's weekday, with the same hours and the same days between reply
 * deadline and start; a week later while the deadline would be less than a week ahead.
 */
export function demoMeetingTimes(seed: MeetingTimes, today: string): MeetingTimes {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)); // 1–12: as a 0-based index, next month
  const firstOfNext = Date.UTC(year, month, 1);
  const weekday = new Date(dateOf(seed.startsAt)).getUTCDay();
  let start = firstOfNext + ((weekday - new Date(firstOfNext).getUTCDay() + 7) % 7) * DAY_MS;
  const deadlineBefore = daysBetween(seed.replyDeadline, seed.startsAt);
  while ((start - dateOf(today)) / DAY_MS - deadlineBefore < DEADLINE_AHEAD_DAYS) start += 7 * DAY_MS;
  const days = Math.round((start - dateOf(seed.startsAt)) / DAY_MS);
  return {
    startsAt: shift(seed.startsAt, days),
    endsAt: shift(seed.endsAt, days),
    replyDeadline: shift(seed.replyDeadline, days),
  };
}
