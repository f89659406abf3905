/**
 * The settings pages: a body's (/organ/:id/innstillinger: language, postmottak copies, escalation,
 * vara call-in) and a kommune's postmottak (/organisasjoner/:id). Checked by the API's own rules
 * (UpdateBodyInput, UpdateOrganisationInput); bad input shows the form again with the values kept.
 */
import { Hono } from "hono";
import { getBody, listOrganisations, updateBody, updateOrganisation } from "../../../shared/directory/index.js";
import { NotFoundError } from "../../../shared/errors.js";
import { nbSettings as s } from "../../../shared/i18n/nb-settings.js";
import { UpdateBodyInput, UpdateOrganisationInput } from "../../../shared/inputs.js";
import type { Body, Organisation } from "../../../shared/model.js";
import { formFields, validate } from "../../../shared/web/forms.js";
import { sendPage } from "../../../shared/web/html.js";
import type { AppEnv } from "../env.js";
import { type C, done, frame } from "./page.js";
import { Choice, Csrf, ErrorSummary, Field, type Frame, Notice, Shell } from "./shell.js";

type Form = { values?: Record<string, string>; errors?: Record<string, string>; notice?: string };

/** The form's strings as the API's settings: a checkbox is "on" or absent, an empty number clears the escalation. */
const settingsOf = (f: Record<string, string>) => ({
  language: f.language,
  postmottakCopies: f.postmottakCopies === "on",
  escalationDaysBeforeDeadline: (f.escalationDays ?? "").trim() === "" ? null : Number(f.escalationDays),
  varaCallIn: f.varaCallIn === "on",
});

function BodySettingsPage(p: Frame & Form & { body: Body }) {
  const v = p.values ?? {
    language: p.body.language ?? "nb",
    escalationDays: p.body.escalationDaysBeforeDeadline ? String(p.body.escalationDaysBeforeDeadline) : "",
    ...(p.body.postmottakCopies ? { postmottakCopies: "on" } : {}),
    ...(p.body.varaCallIn ? { varaCallIn: "on" } : {}),
  };
  const errors = p.errors ?? {};
  const box = (name: "postmottakCopies" | "varaCallIn") => (
    <p>
      <input type="checkbox" id={name} name={name} checked={v[name] === "on"} /> <label for={name}>{s[name]}</label>
    </p>
  );
  return (
    <Shell title={s.title(p.body.name)} user={p.user} csrf={p.csrf}>
      <h1>{s.title(p.body.name)}</h1>
      <Notice text={p.notice} />
      <p>{s.intro}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={`/organ/${p.body.id}/innstillinger`} novalidate>
        <Csrf csrf={p.csrf} />
        <Choice
          id="language"
          name="language"
          label={s.language}
          choices={s.languages}
          selected={v.language ?? "nb"}
          invalid={!!errors.language}
        />
        {box("postmottakCopies")}
        <Field
          name="escalationDays"
          label={s.escalationDays}
          hint={s.escalationHint}
          type="number"
          value={v.escalationDays}
          errors={errors}
        />
        {box("varaCallIn")}
        <p>
          <button type="submit">{s.save}</button>
        </p>
      </form>
    </Shell>
  );
}

function PostmottakPage(p: Frame & Form & { organisation: Organisation }) {
  const v = p.values ?? { postmottak: p.organisation.postmottak ?? "" };
  const errors = p.errors ?? {};
  return (
    <Shell title={s.postmottakTitle(p.organisation.name)} user={p.user} csrf={p.csrf}>
      <h1>{s.postmottakTitle(p.organisation.name)}</h1>
      <Notice text={p.notice} />
      <ErrorSummary errors={errors} />
      <form method="post" action={`/organisasjoner/${p.organisation.id}`} novalidate>
        <Csrf csrf={p.csrf} />
        <Field name="postmottak" label={s.postmottak} hint={s.postmottakHint} type="email" value={v.postmottak} errors={errors} />
        <p>
          <button type="submit">{s.save}</button>
        </p>
      </form>
    </Shell>
  );
}

export function settingsPages() {
  const app = new Hono<AppEnv>();
  const bodyPage = async (c: C, id: string, form: Form = {}, status: 200 | 400 = 200) =>
    sendPage(c, <BodySettingsPage {...frame(c)} body={await getBody(c.get("ctx"), id)} {...form} />, status);
  const organisationOf = async (c: C, id: string) => {
    const org = (await listOrganisations(c.get("ctx"))).find((o) => o.id === id);
    if (!org) throw new NotFoundError(`organisasjonen ${id}`);
    return org;
  };
  const orgPage = async (c: C, id: string, form: Form = {}, status: 200 | 400 = 200) =>
    sendPage(c, <PostmottakPage {...frame(c)} organisation={await organisationOf(c, id)} {...form} />, status);

  app.get("/organ/:id/innstillinger", (c) => bodyPage(c, c.req.param("id"), { notice: c.req.query("ok") }));
  app.post("/organ/:id/innstillinger", async (c) => {
    const id = c.req.param("id");
    const fields = await formFields(c.req, 1000);
    const form = validate(UpdateBodyInput, settingsOf(fields));
    if (!form.ok) {
      const errors = { ...form.errors };
      if (errors.escalationDaysBeforeDeadline) errors.escalationDays = s.notANumber;
      delete errors.escalationDaysBeforeDeadline;
      return bodyPage(c, id, { values: fields, errors }, 400);
    }
    await updateBody(c.get("ctx"), id, form.data);
    return done(c, `/organ/${id}/innstillinger`, s.saved);
  });

  app.get("/organisasjoner/:id", (c) => orgPage(c, c.req.param("id"), { notice: c.req.query("ok") }));
  app.post("/organisasjoner/:id", async (c) => {
    const id = c.req.param("id");
    const fields = await formFields(c.req, 1000);
    const value = (fields.postmottak ?? "").trim();
    const form = validate(UpdateOrganisationInput, { postmottak: value === "" ? null : value });
    if (!form.ok) return orgPage(c, id, { values: fields, errors: form.errors }, 400);
    const org = await updateOrganisation(c.get("ctx"), id, form.data);
    return done(c, `/organisasjoner/${id}`, s.postmottakSaved(org.name));
  });
  return app;
}
