/** The members page of a body: the distribution list, a form to add one, and the CSV import with its preview. */
import type { MemberRowPlan } from "../../../shared/directory/index.js";
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { nbSending } from "../../../shared/i18n/nb-sending.js";
import { nbSettings } from "../../../shared/i18n/nb-settings.js";
import type { Body, Member, Organisation, Person } from "../../../shared/model.js";
import { Choice, Csrf, ErrorList, ErrorSummary, Field, type Frame, Notice, Shell } from "./shell.js";

const s = nbPages;
const ns = nbSending;

export type MembersProps = Frame & {
  body: Body;
  members: Member[];
  /** The members' people as they are now (bounce and complaint flags), by id. */
  people: Map<string, Person>;
  organisations: Organisation[];
  /** A correction that failed: the member's form again with its values and error. */
  personForm?: { memberId: string; name: string; email: string; error: string };
  values?: Record<string, string>;
  errors?: Record<string, string>;
  csv?: string;
  preview?: MemberRowPlan[];
  importErrors?: { field: string; message: string }[];
  notice?: string;
};

export function MembersPage(p: MembersProps) {
  const v = p.values ?? {};
  const errors = p.errors ?? {};
  return (
    <Shell title={p.body.name} user={p.user} csrf={p.csrf}>
      <h1>{s.membersHeading(p.body.name)}</h1>
      <Notice text={p.notice} />
      <p>
        <a href={`/moter/ny?organ=${p.body.id}`}>{s.newMeetingIn(p.body.name)}</a>
      </p>
      <MemberTable body={p.body} members={p.members} people={p.people} csrf={p.csrf} personForm={p.personForm} />

      <h2>{s.addMember}</h2>
      <form method="post" action={`/organ/${p.body.id}/medlemmer`}>
        <Csrf csrf={p.csrf} />
        <ErrorSummary errors={errors} />
        <Field name="name" label={s.name} value={v.name} errors={errors} required />
        <Field name="email" label={s.email} type="email" value={v.email} errors={errors} required />
        <Choice
          id="organisationId"
          name="organisationId"
          label={s.organisation}
          choices={[["", s.noOrganisation], ...p.organisations.map((o): [string, string] => [o.id, o.name])]}
          selected={v.organisationId ?? ""}
        />
        <Choice id="role" name="role" label={s.role} choices={s.roles} selected={v.role ?? "member"} />
        <p>
          <button type="submit">{s.add}</button>
        </p>
      </form>

      <h2>{s.importCsv}</h2>
      <form method="post" action={`/organ/${p.body.id}/import`}>
        <Csrf csrf={p.csrf} />
        <label for="csv">{s.csvLabel}</label>
        <p class="muted" id="csv-hint">
          {s.csvHint}
        </p>
        <textarea id="csv" name="csv" aria-describedby="csv-hint" class="tall">
          {p.csv ?? ""}
        </textarea>
        <ErrorList heading={s.importFailed} errors={p.importErrors ?? []} />
        <p>
          <button type="submit" name="step" value="preview" class="secondary">
            {s.preview}
          </button>{" "}
          {p.preview && !p.preview.some((r) => r.change === "error") && (
            <button type="submit" name="step" value="confirm">
              {s.confirmImport}
            </button>
          )}
        </p>
      </form>
      {p.preview && <ImportPreview rows={p.preview} />}
    </Shell>
  );
}

function MemberTable(p: {
  body: Body;
  members: Member[];
  people: Map<string, Person>;
  csrf: string;
  personForm?: MembersProps["personForm"];
}) {
  return (
    <table>
      <caption class="visually-hidden">{s.distributionList}</caption>
      <thead>
        <tr>
          <th scope="col">{s.name}</th>
          <th scope="col">{s.organisation}</th>
          <th scope="col">{s.role}</th>
          <th scope="col">{s.change}</th>
        </tr>
      </thead>
      <tbody>
        {p.members.map((m) => (
          <tr>
            <td>
              {m.personName}
              <br />
              <span class="muted">{m.personEmail}</span>
              {m.varaName && (
                <>
                  <br />
                  <span class="muted">{nbSettings.varaLine(m.varaName)}</span>
                </>
              )}
              <AddressFlags person={p.people.get(m.personId)} />
              <PersonForm
                bodyId={p.body.id}
                member={m}
                csrf={p.csrf}
                failed={p.personForm?.memberId === m.id ? p.personForm : undefined}
              />
            </td>
            <td>{m.organisationName ?? "–"}</td>
            <td>{s.roles[m.role]}</td>
            <td>
              <form method="post" action={`/organ/${p.body.id}/medlemmer/${m.id}`} class="row">
                <Csrf csrf={p.csrf} />
                <label for={`rolle-${m.id}`} class="visually-hidden">
                  {s.roleFor(m.personName)}
                </label>
                <select id={`rolle-${m.id}`} name="role">
                  {Object.entries(s.roles).map(([k, label]) => (
                    <option value={k} selected={m.role === k}>
                      {label}
                    </option>
                  ))}
                </select>
                {m.role === "member" && <VaraChoice member={m} members={p.members} />}
                <button type="submit" name="action" value="save" class="secondary">
                  {s.save}
                </button>
                <button type="submit" name="action" value="remove" class="secondary">
                  {s.remove}
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The member's personal vara, chosen among the other people on the list (a deputy, usually). */
function VaraChoice(p: { member: Member; members: Member[] }) {
  const others = [...new Map(p.members.filter((x) => x.personId !== p.member.personId).map((x) => [x.personId, x])).values()];
  return (
    <>
      <label for={`vara-${p.member.id}`} class="visually-hidden">
        {nbSettings.varaFor(p.member.personName)}
      </label>
      <select id={`vara-${p.member.id}`} name="varaPersonId">
        <option value="">{nbSettings.noVara}</option>
        {others.map((x) => (
          <option value={x.personId} selected={p.member.varaPersonId === x.personId}>
            {x.personName}
          </option>
        ))}
      </select>
    </>
  );
}

/** Why sends skip this address until it is corrected. */
function AddressFlags(p: { person?: Person }) {
  const flags = [p.person?.bouncedAt && ns.bouncedMark, p.person?.complainedAt && ns.complainedMark].filter(Boolean);
  return flags.length ? <strong class="error"> {flags.join(" · ")}</strong> : null;
}

/** Correct the member's name or address (a new address clears the flags; the person's other lists follow). */
function PersonForm(p: {
  bodyId: string;
  member: Member;
  csrf: string;
  failed?: { name: string; email: string; error: string };
}) {
  const m = p.member;
  const errorId = `person-${m.id}-feil`;
  return (
    <details open={Boolean(p.failed)}>
      <summary>{ns.correctPerson}</summary>
      <form method="post" action={`/organ/${p.bodyId}/personer/${m.personId}`}>
        <Csrf csrf={p.csrf} />
        <input type="hidden" name="memberId" value={m.id} />
        {p.failed && (
          <p class="error" id={errorId}>
            {p.failed.error}
          </p>
        )}
        <label for={`navn-${m.id}`}>{ns.nameFor(m.personName)}</label>
        <input id={`navn-${m.id}`} name="name" value={p.failed?.name ?? m.personName} required maxlength={200} />
        <label for={`epost-${m.id}`}>{ns.emailFor(m.personName)}</label>
        <input
          id={`epost-${m.id}`}
          name="email"
          type="email"
          value={p.failed?.email ?? m.personEmail}
          required
          maxlength={254}
          aria-invalid={p.failed ? "true" : undefined}
          aria-describedby={p.failed ? errorId : undefined}
        />
        <button type="submit" class="secondary">
          {ns.savePerson}
        </button>
      </form>
    </details>
  );
}

function ImportPreview(p: { rows: MemberRowPlan[] }) {
  return (
    <table>
      <caption>{s.willChange}</caption>
      <thead>
        <tr>
          <th scope="col">{s.row}</th>
          <th scope="col">{s.name}</th>
          <th scope="col">{s.organisation}</th>
          <th scope="col">{s.changeKind}</th>
        </tr>
      </thead>
      <tbody>
        {p.rows.map((r) => (
          <tr>
            <td>{r.line}</td>
            <td>
              {r.name} ({r.email})
            </td>
            <td>{r.organisation ?? "–"}</td>
            <td>{r.change === "error" ? (r.problem ?? s.errors) : s.importChange[r.change]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
