/** "Brukere" (/brukere): the secretariat's users, listed, added and removed (never oneself, never the last one). */
import { Hono } from "hono";
import { z } from "zod";
import { addUser, listUsers, removeUserByAnother } from "../../../shared/auth/index.js";
import { ConflictError } from "../../../shared/errors.js";
import { nbSite } from "../../../shared/i18n/nb-site.js";
import { formFields, validate } from "../../../shared/web/forms.js";
import { sendPage } from "../../../shared/web/html.js";
import type { AppEnv } from "../env.js";
import { type C, done, frame } from "./page.js";
import { UsersPage, type UsersProps } from "./users-views.js";

const u = nbSite.users;
const UserForm = z.object({ email: z.email().max(254) });

export function userPages() {
  const app = new Hono<AppEnv>();
  const page = async (c: C, extra: Partial<UsersProps> = {}, status: 200 | 400 | 404 | 409 = 200) => {
    const users = await listUsers(c.get("ctx"));
    return sendPage(c, <UsersPage {...frame(c)} users={users} {...extra} />, status);
  };

  app.get("/brukere", (c) => page(c, { notice: c.req.query("ok") }));
  app.post("/brukere", async (c) => {
    const fields = await formFields(c.req, 1000);
    const form = validate(UserForm, { email: (fields.email ?? "").trim() });
    if (!form.ok) return page(c, { values: fields, errors: form.errors }, 400);
    const { email, created } = await addUser(c.get("ctx"), form.data.email);
    if (!created) return page(c, { values: fields, errors: { email: u.exists(email) } }, 409);
    return done(c, "/brukere", u.added(email));
  });
  app.post("/brukere/fjern", async (c) => {
    const email = UserForm.shape.email.safeParse(((await formFields(c.req, 1000)).email ?? "").trim());
    if (!email.success) return page(c, { notice: u.notFound }, 404);
    try {
      if (!(await removeUserByAnother(c.get("ctx"), email.data, c.get("user")?.email ?? "")))
        return page(c, { notice: u.notFound }, 404);
    } catch (err) {
      if (err instanceof ConflictError) return page(c, { notice: err.message }, 409);
      throw err;
    }
    return done(c, "/brukere", u.removed(email.data.toLowerCase()));
  });
  return app;
}
