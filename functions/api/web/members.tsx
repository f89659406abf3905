/** The secretariat's members pages (/organ/:id): add, change the role of, remove and import members of a body. */
import { Hono } from "hono";
import { z } from "zod";
import * as directory from "../../../shared/directory/index.js";
import { ConflictError, InvalidError } from "../../../shared/errors.js";
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { nbSending } from "../../../shared/i18n/nb-sending.js";
import { UpdatePersonInput } from "../../../shared/inputs.js";
import { memberRole } from "../../../shared/model.js";
import { formFields, validate } from "../../../shared/web/forms.js";
import { sendPage } from "../../../shared/web/html.js";
import type { AppEnv } from "../env.js";
import { parseMemberCsv } from "../member-csv.js";
import { MembersPage, type MembersProps } from "./members-views.js";
import { type C, done, frame } from "./page.js";

const msg = nbPages.notices;
/** The add form's fields; errors are shown by the form's own field names (name, email). */
const MemberForm = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254),
  organisationId: z.string().optional(),
  role: memberRole,
});

export function memberPages() {
  const app = new Hono<AppEnv>();
  const page = async (c: C, bodyId: string, extra: Partial<MembersProps> = {}, status: 200 | 400 | 409 = 200) => {
    const ctx = c.get("ctx");
    const [body, members, organisations] = await Promise.all([
      directory.getBody(ctx, bodyId),
      directory.listMembers(ctx, bodyId),
      directory.listOrganisations(ctx),
    ]);
    const people = await directory.getPeople(
      ctx,
      members.map((m) => m.personId),
    );
    return sendPage(
      c,
      <MembersPage {...frame(c)} body={body} members={members} people={people} organisations={organisations} {...extra} />,
      status,
    );
  };
  app.get("/organ/:id", (c) => page(c, c.req.param("id"), { notice: c.req.query("ok") }));

  app.post("/organ/:id/medlemmer", async (c) => {
    const id = c.req.param("id");
    const f = await formFields(c.req);
    const v = validate(MemberForm, {
      name: f.name ?? "",
      email: f.email ?? "",
      organisationId: f.organisationId || undefined,
      role: f.role || "member",
    });
    if (!v.ok) return page(c, id, { values: f, errors: v.errors }, 400);
    const { name, email, organisationId, role } = v.data;
    try {
      await directory.addMember(c.get("ctx"), id, { person: { name, email: email.toLowerCase() }, organisationId, role });
    } catch (err) {
      if (err instanceof ConflictError) return page(c, id, { values: f, errors: { email: err.message } }, 400);
      throw err;
    }
    return done(c, `/organ/${id}`, msg.memberAdded);
  });

  app.post("/organ/:id/medlemmer/:mid", async (c) => {
    const { id, mid } = c.req.param();
    const ctx = c.get("ctx");
    const f = await formFields(c.req);
    if (f.action === "remove") {
      await directory.removeMemberFromList(ctx, id, mid, ctx.clock.now());
      return done(c, `/organ/${id}`, msg.memberRemoved);
    }
    const role = memberRole.safeParse(f.role);
    if (!role.success) return page(c, id, { notice: msg.invalidRole }, 400);
    // The vara is in the form of a member only; "" clears it.
    const vara = f.varaPersonId === undefined ? {} : { varaPersonId: f.varaPersonId === "" ? null : f.varaPersonId };
    await directory.updateMember(ctx, id, mid, { role: role.data, ...vara });
    return done(c, `/organ/${id}`, msg.roleChanged);
  });

  // Correct a member's name or address: the same rules as PATCH /api/people/{id}.
  app.post("/organ/:id/personer/:pid", async (c) => {
    const { id, pid } = c.req.param();
    const f = await formFields(c.req);
    const values = { memberId: f.memberId ?? "", name: f.name ?? "", email: f.email ?? "" };
    const v = validate(UpdatePersonInput, { name: values.name, email: values.email });
    if (!v.ok) return page(c, id, { personForm: { ...values, error: Object.values(v.errors).join(" ") } }, 400);
    try {
      await directory.updatePerson(c.get("ctx"), pid, v.data);
    } catch (err) {
      if (err instanceof ConflictError) return page(c, id, { personForm: { ...values, error: err.message } }, 409);
      throw err;
    }
    return done(c, `/organ/${id}`, nbSending.personUpdated);
  });

  // Preview first (what would change, row by row), then the same text again to confirm.
  app.post("/organ/:id/import", async (c) => {
    const id = c.req.param("id");
    const f = await formFields(c.req);
    const csv = f.csv ?? "";
    try {
      const rows = parseMemberCsv(csv);
      if (f.step === "confirm")
        return done(c, `/organ/${id}`, msg.imported(await directory.importMemberList(c.get("ctx"), id, rows)));
      return page(c, id, { csv, preview: await directory.previewMemberImport(c.get("ctx"), id, rows) });
    } catch (err) {
      if (err instanceof InvalidError) return page(c, id, { csv, importErrors: err.errors }, 400);
      throw err;
    }
  });
  return app;
}
