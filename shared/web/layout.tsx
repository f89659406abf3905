/** The HTML page shell of both HTTP Lambdas (Page), and a page with one message (MessagePage). */
import type { Child } from "hono/jsx";
import { t } from "../i18n/nb.js";
import { type AssetName, assetPath } from "./assets.js";

/**
 * The page shell shared by the public pages (reply form, archive) and the secretariat pages.
 * No inline style or script (the Content-Security-Policy forbids both): the stylesheet and any
 * scripts are files from /static/ (views/assets.ts). Every page works without JavaScript.
 */
export function Page(props: { title: string; children: Child; header?: Child; scripts?: AssetName[] }) {
  return (
    <html lang="nb">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <link rel="stylesheet" href={assetPath("app.css")} />
        {props.scripts?.map((name) => (
          <script src={assetPath(name)} defer />
        ))}
      </head>
      <body>
        <header class="site">{props.header ?? <strong>{t.appName}</strong>}</header>
        <main id="innhold">{props.children}</main>
      </body>
    </html>
  );
}

/** A page with one message: errors, receipts, limits. */
export function MessagePage(p: { title: string; message: string; contact?: string }) {
  return (
    <Page title={p.title}>
      <h1>{p.title}</h1>
      <p>{p.message}</p>
      {p.contact && <p>{p.contact}</p>}
    </Page>
  );
}
