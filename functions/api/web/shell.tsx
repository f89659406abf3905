/** The secretariat's page frame and form parts: navigation, notices, error summaries, labelled fields, selects. */
import type { Child } from "hono/jsx";
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { nbSite } from "../../../shared/i18n/nb-site.js";
import type { AssetName } from "../../../shared/web/assets.js";
import { Page } from "../../../shared/web/layout.js";

const s = nbPages.shell;

/** What every secretariat page gets from its request: who is logged in, and the forms' CSRF value. */
export type Frame = { user?: string; csrf: string };

/** The page frame: navigation, who is logged in, log-out button. */
export function Shell(props: Frame & { title: string; children: Child; scripts?: AssetName[] }) {
  return (
    <Page
      title={s.pageTitle(props.title)}
      scripts={props.scripts}
      header={
        <nav aria-label={s.mainMenu} class="site-nav">
          <a href="/">
            <strong>{s.app}</strong>
          </a>
          <a href="/organ">{nbSite.frame.bodies}</a>
          <a href="/organisasjoner">{nbSite.frame.organisations}</a>
          <a href="/brukere">{nbSite.frame.users}</a>
          <a href="/tokens">{s.tokens}</a>
          <a href="/arkiv">{s.archive}</a>
          <span class="user">{props.user}</span>
          <form method="post" action="/logg-ut" class="inline">
            <Csrf csrf={props.csrf} />
            <button type="submit" class="secondary small">
              {s.logOut}
            </button>
          </form>
        </nav>
      }
    >
      {props.children}
    </Page>
  );
}

/** Every form of ours carries the CSRF value (shared/web/csrf.tsx). */
export const Csrf = (p: { csrf: string }) => <input type="hidden" name="csrf" value={p.csrf} />;

/** What the last action did ("Møtet er lagret."), read out by screen readers. */
export function Notice(p: { text?: string }) {
  if (!p.text) return null;
  return (
    <p class="notice" role="status">
      {p.text}
    </p>
  );
}

/** A list of problems at the top of a form; with `linked`, each links to its field. */
export function ErrorList(props: {
  heading: string;
  errors: { field: string; message: string }[];
  idPrefix?: string;
  linked?: boolean;
}) {
  if (props.errors.length === 0) return null;
  return (
    <div class="errors" role="alert">
      <p class="error">{props.heading}</p>
      <ul>
        {props.errors.map((e) => (
          <li>{props.linked ? <a href={`#${props.idPrefix ?? ""}${e.field}`}>{e.message}</a> : `${e.field}: ${e.message}`}</li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorSummary(props: { errors: Record<string, string>; idPrefix?: string }) {
  const errors = Object.entries(props.errors).map(([field, message]) => ({ field, message }));
  return <ErrorList heading={s.errorSummary} errors={errors} idPrefix={props.idPrefix} linked />;
}

/** A labelled select of choices ([value, label] in order, or a catalogue's value → label), one of them selected. */
export function Choice(props: {
  id: string;
  name: string;
  label: string;
  choices: Record<string, string> | [string, string][];
  selected: string;
  invalid?: boolean;
}) {
  const choices = Array.isArray(props.choices) ? props.choices : Object.entries(props.choices);
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} {...(props.invalid ? { "aria-invalid": "true" } : {})}>
        {choices.map(([value, label]) => (
          <option value={value} selected={props.selected === value}>
            {label}
          </option>
        ))}
      </select>
    </>
  );
}

/** A labelled input with its error linked by aria-describedby. */
export function Field(props: {
  name: string;
  label: string;
  value?: string;
  type?: string;
  errors: Record<string, string>;
  required?: boolean;
  hint?: string;
  textarea?: boolean;
  /** Makes ids unique when the same field appears in several forms on one page. */
  idPrefix?: string;
}) {
  const err = props.errors[props.name];
  const id = `${props.idPrefix ?? ""}${props.name}`;
  const describedBy = [err ? `${id}-feil` : "", props.hint ? `${id}-hint` : ""].filter(Boolean).join(" ");
  const common = {
    id,
    name: props.name,
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    ...(err ? { "aria-invalid": "true" } : {}),
    ...(props.required ? { required: true } : {}),
  };
  return (
    <div>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="muted" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.textarea ? (
        <textarea {...common}>{props.value ?? ""}</textarea>
      ) : (
        <input type={props.type ?? "text"} value={props.value ?? ""} {...common} />
      )}
      {err && (
        <p class="error" id={`${id}-feil`}>
          {err}
        </p>
      )}
    </div>
  );
}
