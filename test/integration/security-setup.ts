// Shared setup of the "safe to put on the internet" tests: the app, a secretariat logged in by emailed link, table snapshots, uploads.
import { randomUUID } from "node:crypto";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, expect } from "vitest";
import { addUser } from "../../shared/auth/index.js";
import { type ApiClient, useApiApp } from "../support/api.js";
import { type CookieBrowser, cookieBrowser } from "../support/browser-session.js";
import { hiddenField } from "../support/forms.js";
import { sesEmails, type TestApp } from "../support/harness.js";
import { uploadViaApi } from "../support/uploads.js";

/**
 * useApiApp for a describe block of attack tests, plus a secretariat logged in through the emailed
 * link (handed to receive once logged in); returns the table snapshot and the API upload used to
 * prove what was or was not stored.
 */
export function useSecretariatApp(receive: (app: TestApp, api: ApiClient, secretariat: CookieBrowser) => void) {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });

  const browser = () => cookieBrowser(app);

  /** Logs in the way a person does: asks for a link, opens the email, presses the button. */
  beforeAll(async () => {
    const email = `sikkerhet-${randomUUID().slice(0, 8)}@vestregionen.no`;
    await addUser(app.ctx, email);
    const b = browser();
    const form = await (await b.get("/logg-inn")).text();
    expect((await b.post("/logg-inn", { csrf: hiddenField(form, "csrf"), email })).status).toBe(200);
    let link: string | undefined;
    for (let i = 0; i < 100 && !link; i++) {
      const mail = (await sesEmails(app.sesEndpoint, (a) => a === email)).at(-1);
      link = /\/logg-inn\/lenke\?token=[A-Za-z0-9_-]+/.exec(mail?.body.text ?? "")?.[0];
      if (!link) await new Promise((r) => setTimeout(r, 50));
    }
    const page = await (await b.get(link!)).text();
    expect((await b.post("/logg-inn/lenke", { csrf: hiddenField(page, "csrf"), token: hiddenField(page, "token") })).status).toBe(
      303,
    );
    receive(app, api, b);
  });

  /** Everything in the table, sorted: compared before and after to prove nothing was written. */
  async function tableSnapshot(): Promise<string[]> {
    const items: string[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const out = await app.ctx.db.send(
        new ScanCommand({ TableName: app.ctx.tableName, ConsistentRead: true, ExclusiveStartKey }),
      );
      for (const i of out.Items ?? []) items.push(JSON.stringify(Object.entries(i).sort(([a], [b]) => a.localeCompare(b))));
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items.sort();
  }

  async function uploadApi(meetingId: string, filename: string, type: string, content: string | Uint8Array = "innhold") {
    return uploadViaApi(api, meetingId, { title: filename, filename, type, content });
  }

  return { tableSnapshot, uploadApi };
}
