/** "API-nøkler" (/tokens): a user lists, makes and revokes their own API tokens. */
import { Hono } from "hono";
import { z } from "zod";
import {
  type ApiTokenInfo,
  issueApiToken,
  listApiTokens,
  NewApiToken,
  revokeApiTokenById,
  TokenScope,
} from "../../../shared/auth/index.js";
import { t } from "../../../shared/i18n/nb.js";
import { formFields, validate } from "../../../shared/web/forms.js";
import { sendPage } from "../../../shared/web/html.js";
import type { AppEnv } from "../env.js";
import { type C, frame } from "./page.js";
import { TokensPage, type TokensProps } from "./tokens-views.js";

/** The form: a name, a scope, and one of the offered lifetimes. */
const TokenForm = z.object({
  name: NewApiToken.shape.name,
  scope: TokenScope,
  days: z.enum(Object.keys(t.tokens.dayChoices) as [string, ...string[]]).transform(Number),
});
const TokenId = z.string().regex(/^[0-9a-z]{26}$/);

// Set by requireSecretariatPage, which guards every route here.
const userOf = (c: C) => c.get("user")?.email ?? "";

export function tokenPages() {
  const app = new Hono<AppEnv>();
  const page = async (c: C, extra: Partial<TokensProps> = {}, status: 200 | 400 | 404 = 200, fresh?: ApiTokenInfo) => {
    const ctx = c.get("ctx");
    const tokens = await listApiTokens(ctx, userOf(c));
    // The list is read from an index that may lag a moment behind the token just made.
    if (fresh && !tokens.some((k) => k.id === fresh.id)) tokens.push(fresh);
    return sendPage(c, <TokensPage {...frame(c)} now={ctx.clock.now().toISOString()} tokens={tokens} {...extra} />, status);
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
    if (!id.success || !(await revokeApiTokenById(c.get("ctx"), id.data, userOf(c))))
      return page(c, { notice: t.tokens.notFound }, 404);
    return c.redirect("/tokens?ok=trukket", 303);
  });
  return app;
}
