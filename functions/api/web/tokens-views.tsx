/** "API-nøkler": the user's own tokens (never their plaintext), a form for a new one, revoke by id. */
import type { ApiTokenInfo } from "../../../shared/auth/index.js";
import { t } from "../../../shared/i18n/nb.js";
import { formatOsloDateTime } from "../../../shared/time.js";
import { Choice, Csrf, ErrorSummary, Field, type Frame, Notice, Shell } from "./shell.js";

const s = t.tokens;

export type TokensProps = Frame & {
  now: string;
  tokens: ApiTokenInfo[];
  /** Just made: the only time its plaintext is shown. */
  created?: { name: string; token: string };
  notice?: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
};

export function TokensPage(p: TokensProps) {
  const v = p.values ?? {};
  const errors = p.errors ?? {};
  const scope = v.scope ?? "read";
  const days = v.days ?? "90";
  return (
    <Shell title={s.title} user={p.user} csrf={p.csrf}>
      <h1>{s.title}</h1>
      {p.created && (
        <div class="notice" role="status">
          <p>{s.createdNotice(p.created.name)}</p>
          {/* A read-only field: fits a narrow screen, and is easy to select and copy. */}
          <label for="ny-nokkel">{s.newToken}</label>
          <input type="text" id="ny-nokkel" value={p.created.token} readonly autocomplete="off" />
        </div>
      )}
      <Notice text={p.notice} />
      <p>{s.intro}</p>

      <h2>{s.yours}</h2>
      {p.tokens.length === 0 ? (
        <p>{s.none}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{s.yours}</caption>
          <thead>
            <tr>
              <th scope="col">{s.name}</th>
              <th scope="col">{s.scope}</th>
              <th scope="col">{s.validUntil}</th>
              <th scope="col">{s.lastUsed}</th>
              <th scope="col">
                <span class="visually-hidden">{s.revoke}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.tokens.map((k) => (
              <tr>
                <td>
                  {k.name}
                  <br />
                  <span class="muted">
                    {s.created} {formatOsloDateTime(k.createdAt)}
                  </span>
                </td>
                <td>{s.scopes[k.scope]}</td>
                <td>
                  {formatOsloDateTime(k.validUntil)}
                  {k.validUntil <= p.now && ` (${s.expired})`}
                </td>
                <td>{k.lastUsedAt ? formatOsloDateTime(k.lastUsedAt) : s.never}</td>
                <td>
                  <form method="post" action={`/tokens/${k.id}/trekk-tilbake`}>
                    <Csrf csrf={p.csrf} />
                    <button type="submit" class="secondary" aria-label={s.revokeNamed(k.name)}>
                      {s.revoke}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{s.create}</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action="/tokens" novalidate>
        <Csrf csrf={p.csrf} />
        <Field name="name" label={s.name} hint={s.nameHint} value={v.name} errors={errors} required />
        <fieldset id="scope" {...(errors.scope ? { "aria-describedby": "scope-feil" } : {})}>
          <legend>{s.scope}</legend>
          {(["read", "write"] as const).map((value) => (
            <div class="choice">
              <input type="radio" id={`scope-${value}`} name="scope" value={value} checked={scope === value} />
              <label for={`scope-${value}`}>{s.scopes[value]}</label>
            </div>
          ))}
          {errors.scope && (
            <p class="error" id="scope-feil">
              {errors.scope}
            </p>
          )}
        </fieldset>
        <Choice id="days" name="days" label={s.days} choices={s.dayChoices} selected={days} invalid={Boolean(errors.days)} />
        <p>
          <button type="submit">{s.createButton}</button>
        </p>
      </form>
    </Shell>
  );
}
