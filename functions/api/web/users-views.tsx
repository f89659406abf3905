/** "Brukere": who may log in, a remove button per user (not for oneself), and the form for a new one. */
import { nbSite } from "../../../shared/i18n/nb-site.js";
import { Csrf, ErrorSummary, Field, type Frame, Notice, Shell } from "./shell.js";

const u = nbSite.users;

export type UsersProps = Frame & {
  users: string[];
  notice?: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
};

export function UsersPage(p: UsersProps) {
  const errors = p.errors ?? {};
  const me = p.user?.toLowerCase();
  return (
    <Shell title={u.title} user={p.user} csrf={p.csrf}>
      <h1>{u.title}</h1>
      <Notice text={p.notice} />
      <p>{u.intro}</p>
      <h2>{u.list}</h2>
      <ul class="seats">
        {p.users.map((email) => (
          <li>
            <span class="seat">{email}</span>{" "}
            {email === me ? (
              <span class="muted">{u.you}</span>
            ) : (
              <form method="post" action="/brukere/fjern" class="inline">
                <Csrf csrf={p.csrf} />
                <input type="hidden" name="email" value={email} />
                <button type="submit" class="secondary small" aria-label={u.removeNamed(email)}>
                  {u.remove}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <h2 id="ny-bruker">{u.add}</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action="/brukere" aria-labelledby="ny-bruker" novalidate>
        <Csrf csrf={p.csrf} />
        <Field name="email" label={u.email} type="email" value={p.values?.email} errors={errors} required />
        <p>
          <button type="submit">{u.add}</button>
        </p>
      </form>
    </Shell>
  );
}
