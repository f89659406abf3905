/** The HTML page shell of both HTTP Lambdas (Page), and a page with one message (MessagePage). */
import type { Child } from "hono/jsx";
import { t } from "../i18n/nb.js";
import { nbSite } from "../i18n/nb-site.js";
import { type AssetName, assetPath, FAVICON_PATH } from "./assets.js";

/** The public pages' header (reply form, login, archive): the way back to the archive's home. */
function PublicHeader() {
  return (
    <nav aria-label={nbSite.frame.siteMenu} class="site-nav">
      <strong>{t.appName}</strong>
      <a href="/arkiv">{nbSite.frame.archiveHome}</a>
    </nav>
  );
}

/**
 * The page shell shared by the public pages (reply form, archive) and the secretariat pages.
 * No inline style or script (the Content-Security-Policy forbids both): the stylesheet and any
 * scripts are files from /static/ (views/assets.ts). Every page works without JavaScript.
 * The skip link comes first, so a keyboard user's first Tab can jump past the header.
 */
export function Page(props: { title: string; children: Child; header?: Child; scripts?: AssetName[]; lang?: "nb" | "nn" }) {
  return (
    <html lang={props.lang ?? "nb"}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <link rel="icon" href={FAVICON_PATH} type="image/svg+xml" />
        <link rel="stylesheet" href={assetPath("app.css")} />
        {props.scripts?.map((name) => (
          <script src={assetPath(name)} defer />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#innhold">
          {nbSite.frame.skipLink}
        </a>
        <header class="site">{props.header ?? <PublicHeader />}</header>
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
