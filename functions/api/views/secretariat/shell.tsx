import type { Child } from "hono/jsx";
import { nbPages } from "../../../../shared/i18n/nb-pages.js";
import type { AssetName } from "../../../../shared/web/assets.js";
import { Page } from "../../../../shared/web/layout.js";

/** The secretariat's page frame: navigation, who is logged in, log-out button. */
export function Shell(props: { title: string; user?: string; csrf: string; children: Child; scripts?: AssetName[] }) {
  return (
    <Page
      title={`${props.title} – Møteinnkalling`}
      scripts={props.scripts}
      header={
        <nav aria-label={nbPages.shell.mainMenu} class="site-nav">
          <a href="/">
            <strong>{nbPages.shell.app}</strong>
          </a>
          <a href="/arkiv">{nbPages.shell.archive}</a>
          <a href="/tokens">{nbPages.shell.tokens}</a>
          <span class="user">{props.user}</span>
          <form method="post" action="/logg-ut" class="inline">
            <input type="hidden" name="csrf" value={props.csrf} />
            <button type="submit" class="secondary small">
              {nbPages.shell.logOut}
            </button>
          </form>
        </nav>
      }
    >
      {props.children}
    </Page>
  );
}

export function ErrorSummary(props: { errors: Record<string, string>; idPrefix?: string }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <div class="errors" role="alert">
      <p class="error">{nbPages.shell.errorSummary}</p>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#${props.idPrefix ?? ""}${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
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
      {props.textarea ? <textarea {...common}>{props.value ?? ""}</textarea> : <input type={props.type ?? "text"} value={props.value ?? ""} {...common} />}
      {err && (
        <p class="error" id={`${id}-feil`}>
          {err}
        </p>
      )}
    </div>
  );
}
