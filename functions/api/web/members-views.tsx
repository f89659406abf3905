/** The members page of a body: the distribution list, a form to add one, and the CSV import with its preview. */
import type { MemberRowPlan } from "../../../shared/directory/index.js";
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import type { Body, Member, Organisation } from "../../../shared/model.js";
import { Choice, Csrf, ErrorList, ErrorSummary, Field, type Frame, Notice, Shell } from "./shell.js";

const s = nbPages;

export type MembersProps = Frame & {
  body: Body;
  members: Member[];
  organisations: Organisation[];
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
      <MemberTable body={p.body} members={p.members} csrf={p.csrf} />

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

function MemberTable(p: { body: Body; members: Member[]; csrf: string }) {
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
