import { Hono } from "hono";
import type { Context } from "hono";
import { z } from "zod";
import { type ApiTokenInfo, issueApiToken, listApiTokens, NewApiToken, revokeApiTokenById, TokenScope } from "../../../shared/auth/index.js";
import { t } from "../../../shared/i18n/nb.js";
import type { AppEnv } from "../app.js";
import { TokensPage } from "../views/secretariat/tokens.js";
import { formFields, validate } from "./forms.js";
import { csrfToken, requireSecretariatPage, verifyCsrf } from "./guard.js";

type C = Context<AppEnv>;
// Set by requireSecretariatPage, which guards every route here.
const userOf = (c: C) => (c.var as { user?: { email: string } }).user!.email;

/** The form: a name, a scope, and one of the offered lifetimes. */
const TokenForm = z.object({
  name: NewApiToken.shape.name,
  scope: TokenScope,
  days: z.enum(Object.keys(t.tokens.dayChoices) as [string, ...string[]]).transform(Number),
});
const TokenId = z.string().regex(/^[0-9a-z]{26}$/);

/** "API-nøkler" (/tokens): a user lists, makes and revokes their own API tokens. */
export function tokenPages() {
  const app = new Hono<AppEnv>();
  for (const path of ["/tokens", "/tokens/*"]) {
    app.use(path, requireSecretariatPage);
    app.use(path, verifyCsrf);
  }

  const page = async (c: C, extra: Partial<Parameters<typeof TokensPage>[0]> = {}, status: 200 | 400 | 404 = 200, fresh?: ApiTokenInfo) => {
    const ctx = c.get("ctx");
    const tokens = await listApiTokens(ctx, userOf(c));
    // The list is read from an index that may lag a moment behind the token just made.
    if (fresh && !tokens.some((k) => k.id === fresh.id)) tokens.push(fresh);
    const props = { user: userOf(c), csrf: csrfToken(c), now: ctx.clock.now().toISOString(), tokens, ...extra };
    return c.html(`<!doctype html>${<TokensPage {...props} />}`, status);
  };

  app.get("/tokens", (c) => page(c, { notice: c.req.query("ok") === "trukket" ? t.tokens.revoked : undefined }));

  app.post("/tokens", async (c) => {
    const ctx = c.get("ctx");
    const fields = await formFields(c.req);
    const form = validate(TokenForm, fields);
    if (!form.ok) return page(c, { values: fields, errors: form.errors }, 400);
    const { token, ...made } = await issueApiToken(ctx, { email: userOf(c), ...form.data }, ctx.clock.now());
    // This answer is the only place the plaintext ever appears: not to be cached anywhere.
    c.header("Cache-Control", "no-store");
    return page(c, { created: { name: made.name, token } }, 200, made);
  });

  app.post("/tokens/:id/trekk-tilbake", async (c) => {
    const id = TokenId.safeParse(c.req.param("id"));
    if (!id.success || !(await revokeApiTokenById(c.get("ctx"), id.data, userOf(c)))) return page(c, { notice: t.tokens.notFound }, 404);
    return c.redirect("/tokens?ok=trukket", 303);
  });
  return app;
}
