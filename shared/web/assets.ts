/** The pages' stylesheet and scripts, served from memory under content-hashed names. */
import { createHash } from "node:crypto";

/**
 * The pages' stylesheet and scripts, served as files from /static/ (routes/static.ts) so the
 * Content-Security-Policy can forbid anything inline (`script-src 'self'; style-src 'self'`).
 * They live here as strings, not files on disk, so the Lambda bundle carries them without any
 * extra build step. Each URL holds a hash of the content: cached for a year, changed on deploy.
 */

/** Plain CSS, no framework: works without JavaScript, readable at 375 px, WCAG AA contrast. */
const css = `
:root{--fg:#1b1b1b;--muted:#4a4a4a;--bg:#fff;--line:#c8c8c8;--accent:#0b4f8a;--accent-fg:#fff;--ok:#1d6b2f;--warn:#8a4b00;--err:#a4161a;--soft:#f3f6f9}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
h1,h2,h3{hyphens:auto}
.skip-link{position:absolute;left:-100vw;top:.5rem;z-index:10;background:#fff;color:var(--accent);padding:.5rem 1rem;border:2px solid var(--accent)}
.skip-link:focus{left:.5rem}
header.site{background:var(--accent);color:var(--accent-fg);padding:.75rem 1rem}
header.site a{color:var(--accent-fg)}
main{max-width:52rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
a{color:var(--accent)}
a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f2a900;outline-offset:2px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
dl.facts dt{font-weight:600}
fieldset{border:1px solid var(--line);border-radius:.4rem;padding:.75rem 1rem;margin:0 0 1rem}
legend{font-weight:600;padding:0 .25rem}
label{display:block;font-weight:600;margin:.5rem 0 .2rem}
.choice label{display:inline;font-weight:400;margin-left:.35rem}
.choice{margin:.35rem 0}
input[type=text],input[type=email],input[type=datetime-local],input[type=number],select,textarea{width:100%;max-width:32rem;padding:.5rem;border:1px solid #767676;border-radius:.3rem;font:inherit}
textarea{min-height:5rem}
textarea.tall{min-height:8rem}
button,.button{display:inline-block;background:var(--accent);color:var(--accent-fg);border:0;border-radius:.3rem;padding:.6rem 1.1rem;font:inherit;font-weight:600;cursor:pointer;text-decoration:none}
button:disabled{opacity:.45;cursor:not-allowed}
button.secondary{background:#fff;color:var(--accent);border:2px solid var(--accent)}
button.small{padding:.2rem .6rem}
.error{color:var(--err);font-weight:600;margin:.2rem 0}
.errors{border:2px solid var(--err);border-radius:.4rem;padding:.5rem 1rem;margin:0 0 1rem}
.notice{background:var(--soft);border-left:4px solid var(--accent);padding:.75rem 1rem;margin:0 0 1rem}
.muted{color:var(--muted)}
.pre-line{white-space:pre-line}
ul.agenda{padding-left:0;list-style:none}
ul.agenda li{margin:.25rem 0}
ol.agenda,ul.seats{list-style:none;padding:0}
ol.agenda>li{border-bottom:1px solid var(--line);padding:.5rem 0}
ul.seats>li{border-bottom:1px solid var(--line);padding:.4rem 0}
.seat{display:inline-block;min-width:8rem;font-weight:600}
.seat-attending{color:var(--ok)}
.seat-substitute{color:var(--accent)}
.seat-absent{color:var(--warn)}
.seat-no_answer,.seat-bounced{color:var(--err)}
.seat-withdrawn{color:var(--muted)}
nav.site-nav,nav.tabs{display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
nav.site-nav .user{margin-left:auto}
form.inline{display:inline}
form.row{display:flex;gap:.5rem;flex-wrap:wrap;align-items:end}
form.move{display:inline-flex;gap:.5rem;margin-top:.25rem}
iframe.preview{width:100%;min-height:40rem;border:1px solid var(--line)}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.4rem;border-bottom:1px solid var(--line);vertical-align:top}
@media (max-width:40rem){table,thead,tbody,tr,th,td,caption{display:block}thead tr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}tr{border-bottom:1px solid var(--line);padding:.4rem 0}td{border:0;padding:.15rem 0}}
select{max-width:100%}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

/** The favicon: the app's initial on its accent colour (served at /favicon.svg, static-routes.ts). */
export const FAVICON_PATH = "/favicon.svg";
export const faviconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b4f8a"/><text x="16" y="23" font-family="system-ui,sans-serif" font-size="20" font-weight="700" fill="#fff" text-anchor="middle">M</text></svg>`;

/** The reply form: only the fields of the chosen answer are shown (without JavaScript, all are). */
const replyFormJs = `"use strict";
for (const form of document.querySelectorAll("form[data-reply-form]")) {
  const sync = () => {
    const chosen = form.querySelector("input[name=status]:checked");
    for (const part of form.querySelectorAll("fieldset[data-when]")) part.hidden = part.dataset.when !== (chosen ? chosen.value : "");
  };
  form.addEventListener("change", sync);
  sync();
}
`;

/** A running send: the progress bar and line follow /api/sends/:id (without JavaScript the page refreshes itself). */
const sendProgressJs = `"use strict";
(() => {
  const bar = document.getElementById("fremdrift");
  const line = document.getElementById("fremdrift-tekst");
  if (!bar || !line || bar.dataset.done === "true") return;
  const tick = async () => {
    const res = await fetch(bar.dataset.progressUrl, { credentials: "same-origin", headers: { accept: "application/json" } });
    if (!res.ok) return;
    const s = await res.json();
    bar.max = s.total;
    bar.value = s.total - s.queued;
    line.textContent = bar.dataset.template.replace(/\\{(\\w+)\\}/g, (_, k) => String(s[k])) + (s.done ? bar.dataset.doneText : "");
    if (s.done) location.reload();
    else setTimeout(tick, 1000);
  };
  setTimeout(tick, 1000);
})();
`;

const sources = {
  "app.css": { body: css, type: "text/css; charset=utf-8" },
  "reply-form.js": { body: replyFormJs, type: "text/javascript; charset=utf-8" },
  "send-progress.js": { body: sendProgressJs, type: "text/javascript; charset=utf-8" },
};
export type AssetName = keyof typeof sources;

const paths = new Map<AssetName, string>();
const byFile = new Map<string, { body: string; type: string }>();
for (const [name, asset] of Object.entries(sources) as [AssetName, (typeof sources)[AssetName]][]) {
  const hash = createHash("sha256").update(asset.body).digest("hex").slice(0, 12);
  const file = name.replace(/\.(\w+)$/, `.${hash}.$1`);
  paths.set(name, `/static/${file}`);
  byFile.set(file, asset);
}

/** The URL of an asset, with its content hash: "/static/app.3f2a1b9c0d1e.css". */
export const assetPath = (name: AssetName): string => paths.get(name)!;

/** The asset behind a hashed file name, or undefined (an old hash after a deploy is not found). */
export const staticAsset = (file: string) => byFile.get(file);
