/** The directory's pages: the bodies (/organ) and the organisations (/organisasjoner), each listed with a form for a new one. */
import { Hono } from "hono";
import { z } from "zod";
import { createBody, createOrganisation, listBodies, listOrganisations } from "../../../shared/directory/index.js";
import { nbSite } from "../../../shared/i18n/nb-site.js";
import { CreateBodyInput, CreateOrganisationInput } from "../../../shared/inputs.js";
import { blankToUndefined, formFields, validate } from "../../../shared/web/forms.js";
import { sendPage } from "../../../shared/web/html.js";
import type { AppEnv } from "../env.js";
import { BodiesPage, type DirectoryFormProps, OrganisationsPage } from "./directory-views.js";
import { type C, done, frame } from "./page.js";

/** The body form is flat (one field per input); each field checked by the API's own rule. */
const secretariat = CreateBodyInput.shape.secretariat.shape;
const BodyForm = z.object({
  name: CreateBodyInput.shape.name,
  shortName: CreateBodyInput.shape.shortName,
  secretariatName: secretariat.name,
  secretariatEmail: secretariat.email,
  secretariatPhone: secretariat.phone,
});
const OrganisationForm = z.object(CreateOrganisationInput.shape);

const byName = <T extends { name: string }>(list: T[]) => list.sort((a, b) => a.name.localeCompare(b.name, "nb"));

export function directoryPages() {
  const app = new Hono<AppEnv>();
  const bodiesPage = async (c: C, form: DirectoryFormProps = {}, status: 200 | 400 = 200) =>
    sendPage(c, <BodiesPage {...frame(c)} bodies={byName(await listBodies(c.get("ctx")))} {...form} />, status);
  const organisationsPage = async (c: C, form: DirectoryFormProps = {}, status: 200 | 400 = 200) =>
    sendPage(
      c,
      <OrganisationsPage {...frame(c)} organisations={byName(await listOrganisations(c.get("ctx")))} {...form} />,
      status,
    );

  app.get("/organ", (c) => bodiesPage(c, { notice: c.req.query("ok") }));
  app.post("/organ", async (c) => {
    const fields = await formFields(c.req, 1000);
    const form = validate(BodyForm, blankToUndefined(fields));
    if (!form.ok) return bodiesPage(c, { values: fields, errors: form.errors }, 400);
    const { name, shortName, secretariatName, secretariatEmail, secretariatPhone } = form.data;
    await createBody(c.get("ctx"), {
      name,
      shortName,
      secretariat: { name: secretariatName, email: secretariatEmail.toLowerCase(), phone: secretariatPhone },
    });
    return done(c, "/organ", nbSite.bodies.created(name));
  });

  app.get("/organisasjoner", (c) => organisationsPage(c, { notice: c.req.query("ok") }));
  app.post("/organisasjoner", async (c) => {
    const fields = await formFields(c.req, 1000);
    const form = validate(OrganisationForm, blankToUndefined(fields));
    if (!form.ok) return organisationsPage(c, { values: fields, errors: form.errors }, 400);
    await createOrganisation(c.get("ctx"), form.data);
    return done(c, "/organisasjoner", nbSite.organisations.created(form.data.name));
  });
  return app;
}
