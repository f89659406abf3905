/** The secretariat's web pages, one module per resource, behind one login guard and one CSRF check. */
import { Hono } from "hono";
import { verifyCsrf } from "../../../shared/web/csrf.js";
import type { AppEnv } from "../env.js";
import { requireSecretariatPage } from "../guard.js";
import { agendaPages } from "./agenda.js";
import { attachmentPages } from "./attachments.js";
import { directoryPages } from "./directory.js";
import { loginPages } from "./login.js";
import { meetingPages } from "./meetings.js";
import { memberPages } from "./members.js";
import { minutesPages } from "./minutes.js";
import { overviewPages } from "./overview.js";
import { replyPages } from "./replies.js";
import { sendPages } from "./sends.js";
import { settingsPages } from "./settings.js";
import { tokenPages } from "./tokens.js";
import { userPages } from "./users.js";

/** Every page here but the login needs a session; every form post carries the CSRF value. */
const GUARDED = [
  "/",
  "/organ/*",
  "/moter",
  "/moter/*",
  "/utsendelser/*",
  "/tokens",
  "/tokens/*",
  "/organisasjoner/*",
  "/brukere/*",
];

export function secretariatPages() {
  const app = new Hono<AppEnv>();
  app.route("/", loginPages());
  // Registered once here (not per resource), so a request passes each guard once.
  for (const path of GUARDED) app.use(path, requireSecretariatPage, verifyCsrf);
  for (const pages of [
    overviewPages,
    directoryPages,
    memberPages,
    meetingPages,
    agendaPages,
    attachmentPages,
    sendPages,
    replyPages,
    minutesPages,
    tokenPages,
    userPages,
    settingsPages,
  ])
    app.route("/", pages());
  return app;
}
