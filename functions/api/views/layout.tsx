import type { Child } from "hono/jsx";

/**
 * The page shell shared by the public pages (reply form, archive) and the secretariat pages.
 * Plain CSS, no framework: works without JavaScript, readable at 375 px, WCAG AA contrast.
 */
export const baseCss = `
:root{--fg:#1b1b1b;--muted:#4a4a4a;--bg:#fff;--line:#c8c8c8;--accent:#0b4f8a;--accent-fg:#fff;--ok:#1d6b2f;--warn:#8a4b00;--err:#a4161a;--soft:#f3f6f9}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
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
button,.button{display:inline-block;background:var(--accent);color:var(--accent-fg);border:0;border-radius:.3rem;padding:.6rem 1.1rem;font:inherit;font-weight:600;cursor:pointer;text-decoration:none}
button:disabled{opacity:.45;cursor:not-allowed}
button.secondary{background:#fff;color:var(--accent);border:2px solid var(--accent)}
.error{color:var(--err);font-weight:600;margin:.2rem 0}
.errors{border:2px solid var(--err);border-radius:.4rem;padding:.5rem 1rem;margin:0 0 1rem}
.notice{background:var(--soft);border-left:4px solid var(--accent);padding:.75rem 1rem;margin:0 0 1rem}
.muted{color:var(--muted)}
ul.agenda{padding-left:0;list-style:none}
ul.agenda li{margin:.25rem 0}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.4rem;border-bottom:1px solid var(--line);vertical-align:top}
@media (max-width:40rem){table,thead,tbody,tr,th,td,caption{display:block}thead tr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}tr{border-bottom:1px solid var(--line);padding:.4rem 0}td{border:0;padding:.15rem 0}}
select{max-width:100%}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

export function Page(props: { title: string; children: Child; header?: Child }) {
  return (
    <html lang="nb">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <style dangerouslySetInnerHTML={{ __html: baseCss }} />
      </head>
      <body>
        <header class="site">{props.header ?? <strong>Møteinnkalling</strong>}</header>
        <main id="innhold">{props.children}</main>
      </body>
    </html>
  );
}
