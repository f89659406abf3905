/** The overview page: what needs attention, upcoming and past meetings, the bodies. */
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import type { Body, Meeting } from "../../../shared/model.js";
import { formatMeetingTime } from "../../../shared/time.js";
import { type Frame, Shell } from "./shell.js";

const s = nbPages;
export type ListedMeeting = Meeting & { bodyName: string };

/** A meeting whose end has passed was held, whatever its record still says (nothing marks it so by itself). */
function shownStatus(m: Meeting, now: string): Meeting["status"] {
  return (m.status === "invited" || m.status === "draft") && m.endsAt < now ? "held" : m.status;
}

export function Overview(
  p: Frame & {
    now: string;
    bodies: Body[];
    upcoming: ListedMeeting[];
    past: ListedMeeting[];
    attention: { href: string; text: string }[];
  },
) {
  return (
    <Shell title={s.overview} user={p.user} csrf={p.csrf}>
      <h1>{s.overview}</h1>
      <h2>{s.attention}</h2>
      {p.attention.length === 0 ? (
        <p>{s.nothingNow}</p>
      ) : (
        <ul>
          {p.attention.map((a) => (
            <li>
              <a href={a.href}>{a.text}</a>
            </li>
          ))}
        </ul>
      )}
      <h2>{s.upcoming}</h2>
      <MeetingList meetings={p.upcoming} now={p.now} />
      <p>
        <a class="button" href="/moter/ny">
          {s.newMeeting}
        </a>
      </p>
      <h2>{s.bodies}</h2>
      <ul>
        {p.bodies.map((b) => (
          <li>
            <a href={`/organ/${b.id}`}>{b.name}</a> ({b.shortName})
          </li>
        ))}
      </ul>
      <h2>{s.past}</h2>
      <MeetingList meetings={p.past} now={p.now} />
    </Shell>
  );
}

function MeetingList(p: { meetings: ListedMeeting[]; now: string }) {
  if (p.meetings.length === 0) return <p>{s.none}</p>;
  return (
    <ul>
      {p.meetings.map((m) => (
        <li>
          <a href={`/moter/${m.id}`}>
            {m.bodyName}: {m.title}
          </a>{" "}
          – {formatMeetingTime(m.startsAt, m.endsAt)} ({s.meetingStatus[shownStatus(m, p.now)]})
        </li>
      ))}
    </ul>
  );
}
