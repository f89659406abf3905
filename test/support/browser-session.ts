// A tiny cookie-keeping browser, and one logged in as a person does: the emailed link, then its button.
import { addUser } from "../../shared/auth/index.js";
import { hiddenField } from "./forms.js";
import { sesEmails, type TestApp } from "./harness.js";

/** A tiny browser: keeps cookies, follows nothing, posts forms (urlencoded or multipart), sends any headers. */
export function cookieBrowser(app: TestApp) {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [k, v] = c.split(";")[0]!.split("=");
      if (v === "" || /Max-Age=0/i.test(c)) jar.delete(k!);
      else jar.set(k!, v!);
    }
    return res;
  };
  const request = async (
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: string | FormData } = {},
  ) =>
    remember(
      await fetch(`${app.baseUrl}${path}`, {
        method,
        redirect: "manual",
        headers: { cookie: cookie(), ...init.headers },
        body: init.body,
      }),
    );
  return {
    jar,
    cookie,
    request,
    get: (path: string) => request("GET", path),
    post: (path: string, fields: Record<string, string> | FormData) =>
      fields instanceof FormData
        ? request("POST", path, { body: fields })
        : request("POST", path, {
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams(fields).toString(),
          }),
  };
}
export type CookieBrowser = ReturnType<typeof cookieBrowser>;

/** Logs a secretariat user in the way a person does: the emailed magic link, then its button. */
export async function loggedInBrowser(app: TestApp, email: string) {
  await addUser(app.ctx, email);
  const b = cookieBrowser(app);
  const page = await (await b.get("/logg-inn")).text();
  await b.post("/logg-inn", { csrf: hiddenField(page, "csrf"), email });
  await app.ctx.queue.drained();
  let link: string | undefined;
  for (let i = 0; i < 100 && !link; i++) {
    const mails = await sesEmails(app.sesEndpoint, (a) => a === email);
    link = /\/logg-inn\/lenke\?token=[A-Za-z0-9_-]+/.exec(mails.at(-1)?.body.text ?? "")?.[0];
    if (!link) await new Promise((r) => setTimeout(r, 50));
  }
  if (!link) throw new Error(`no login email for ${email}`);
  const button = await (await b.get(link)).text();
  const res = await b.post("/logg-inn/lenke", { csrf: hiddenField(button, "csrf"), token: hiddenField(button, "token") });
  if (res.status !== 303) throw new Error(`login failed: ${res.status}`);
  return { ...b, csrf: b.jar.get("csrf")! };
}
