/** The referat's versions: the list (who saved which when, and why a correction), and one version as it read. */
import { t } from "../../../shared/i18n/nb.js";
import { nbMinutes } from "../../../shared/i18n/nb-minutes.js";
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { attendeeLine, secretariatLine } from "../../../shared/minutes/index.js";
import type { Meeting, Minutes } from "../../../shared/model.js";
import { formatMeetingTime, formatOsloDateTime } from "../../../shared/time.js";
import { type Frame, Shell } from "./shell.js";

const sm = nbMinutes.pages;
const words = t.archive;

/** A case's or sub-item's outcome in words: the decision, "utsatt" with its text, or noted. */
function Outcome(p: { value: { decision?: string; status: Minutes["items"][number]["status"] } }) {
  const label = nbPages.itemStatus[p.value.status];
  return (
    <p>
      <strong>{label}</strong>
      {p.value.decision ? `: ${p.value.decision}` : ""}
    </p>
  );
}

export function MinutesVersionsPage(p: Frame & { meeting: Meeting; versions: Minutes[] }) {
  const back = `/moter/${p.meeting.id}/referat`;
  return (
    <Shell title={sm.versions} user={p.user} csrf={p.csrf}>
      <h1>{sm.versionsHeading(p.meeting.title)}</h1>
      <p>
        <a href={back}>{sm.backToMinutes}</a>
      </p>
      {p.versions.length === 0 ? (
        <p>{sm.noVersions}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{sm.version}</th>
              <th scope="col">{nbPages.status}</th>
              <th scope="col">{sm.savedAt}</th>
              <th scope="col">{sm.by}</th>
              <th scope="col">{sm.reason}</th>
            </tr>
          </thead>
          <tbody>
            {[...p.versions].reverse().map((v) => (
              <tr>
                <td>
                  <a href={`${back}/versjoner/${v.version}`}>{sm.versionHeading(v.version)}</a>
                </td>
                <td>{sm.versionStatus[v.status]}</td>
                <td>{formatOsloDateTime(v.updatedAt)}</td>
                <td>{v.updatedBy}</td>
                <td>{v.correctionReason ?? sm.noReason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Shell>
  );
}

export function MinutesVersionPage(p: Frame & { meeting: Meeting; minutes: Minutes }) {
  const mn = p.minutes;
  return (
    <Shell title={sm.versionHeading(mn.version)} user={p.user} csrf={p.csrf}>
      <h1>
        {sm.versionHeading(mn.version)}: {p.meeting.title}
      </h1>
      <p>
        <a href={`/moter/${p.meeting.id}/referat/versjoner`}>{sm.versions}</a>
      </p>
      <dl class="facts">
        <dt>{nbPages.status}</dt>
        <dd>
          {sm.versionStatus[mn.status]} · {sm.savedAt} {formatOsloDateTime(mn.updatedAt)} · {sm.by} {mn.updatedBy}
        </dd>
        <dt>{sm.reason}</dt>
        <dd>{mn.correctionReason ?? sm.noReason}</dd>
        <dt>{words.time}</dt>
        <dd>{formatMeetingTime(mn.startedAt, mn.endedAt)}</dd>
        <dt>{words.place}</dt>
        <dd>{mn.place}</dd>
        <dt>{words.present}</dt>
        <dd>{mn.present.map(attendeeLine).join(", ") || words.none}</dd>
        <dt>{words.secretariat}</dt>
        <dd>{secretariatLine(mn.secretariat) || words.none}</dd>
        <dt>{words.absent}</dt>
        <dd>{mn.absent.map(attendeeLine).join(", ") || words.none}</dd>
      </dl>
      {mn.items.map((i) => (
        <section>
          <h2>
            {i.number ? words.case(i.number) : ""}
            {i.title}
          </h2>
          {i.text && <p class="pre-line">{i.text}</p>}
          <Outcome value={i} />
          {(i.subItems ?? []).map((sub) => (
            <>
              <h3>{sm.subItem(sub.letter, sub.title)}</h3>
              {sub.text && <p class="pre-line">{sub.text}</p>}
              <Outcome value={sub} />
            </>
          ))}
        </section>
      ))}
    </Shell>
  );
}
