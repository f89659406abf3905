/** The bodies and organisations pages: the list, then the form for a new one (errors shown, values kept). */
import { nbSettings } from "../../../shared/i18n/nb-settings.js";
import { nbSite } from "../../../shared/i18n/nb-site.js";
import type { Body, Organisation } from "../../../shared/model.js";
import { Choice, Csrf, ErrorSummary, Field, type Frame, Notice, Shell } from "./shell.js";

const b = nbSite.bodies;
const o = nbSite.organisations;

/** What a post back to the page carries: the notice, or the form's values and errors. */
export type DirectoryFormProps = { notice?: string; values?: Record<string, string>; errors?: Record<string, string> };

export function BodiesPage(p: Frame & DirectoryFormProps & { bodies: Body[] }) {
  const v = p.values ?? {};
  const errors = p.errors ?? {};
  return (
    <Shell title={b.title} user={p.user} csrf={p.csrf}>
      <h1>{b.title}</h1>
      <Notice text={p.notice} />
      <p>{b.intro}</p>
      {p.bodies.length === 0 ? (
        <p>{b.none}</p>
      ) : (
        <ul>
          {p.bodies.map((x) => (
            <li>
              <a href={`/organ/${x.id}`}>{x.name}</a> ({x.shortName}) – {x.secretariat.name}, {x.secretariat.email} ·{" "}
              <a href={`/organ/${x.id}/innstillinger`}>{nbSettings.link}</a>
            </li>
          ))}
        </ul>
      )}
      <h2 id="nytt-organ">{b.newBody}</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action="/organ" aria-labelledby="nytt-organ" novalidate>
        <Csrf csrf={p.csrf} />
        <Field name="name" label={b.name} value={v.name} errors={errors} required />
        <Field name="shortName" label={b.shortName} hint={b.shortNameHint} value={v.shortName} errors={errors} required />
        <Field name="secretariatName" label={b.secretariatName} value={v.secretariatName} errors={errors} required />
        <Field
          name="secretariatEmail"
          label={b.secretariatEmail}
          type="email"
          value={v.secretariatEmail}
          errors={errors}
          required
        />
        <Field name="secretariatPhone" label={b.secretariatPhone} type="tel" value={v.secretariatPhone} errors={errors} />
        <p>
          <button type="submit">{b.create}</button>
        </p>
      </form>
    </Shell>
  );
}

export function OrganisationsPage(p: Frame & DirectoryFormProps & { organisations: Organisation[] }) {
  const v = p.values ?? {};
  const errors = p.errors ?? {};
  return (
    <Shell title={o.title} user={p.user} csrf={p.csrf}>
      <h1>{o.title}</h1>
      <Notice text={p.notice} />
      <p>{o.intro}</p>
      {p.organisations.length === 0 ? (
        <p>{o.none}</p>
      ) : (
        <ul>
          {p.organisations.map((x) => (
            <li>
              {x.name} ({[o.kinds[x.kind], x.region, x.orgNumber && `org.nr. ${x.orgNumber}`].filter(Boolean).join(", ")}) –{" "}
              <a href={`/organisasjoner/${x.id}`}>{x.postmottak ?? nbSettings.postmottakNone}</a>
            </li>
          ))}
        </ul>
      )}
      <h2 id="ny-organisasjon">{o.newOrganisation}</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action="/organisasjoner" aria-labelledby="ny-organisasjon" novalidate>
        <Csrf csrf={p.csrf} />
        <Field name="name" label={o.name} value={v.name} errors={errors} required />
        <Choice id="kind" name="kind" label={o.kind} choices={o.kinds} selected={v.kind ?? "kommune"} invalid={!!errors.kind} />
        <Field name="region" label={o.region} value={v.region} errors={errors} />
        <Field name="orgNumber" label={o.orgNumber} hint={o.orgNumberHint} value={v.orgNumber} errors={errors} />
        <Field name="postmottak" label={nbSettings.postmottak} type="email" value={v.postmottak} errors={errors} />
        <p>
          <button type="submit">{o.create}</button>
        </p>
      </form>
    </Shell>
  );
}
