// Reading a page's form as a browser would post it unchanged (the referat tests post it back with a few changes).

const htmlText = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]!);
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The fields of the page's first form whose action is `action`, as a browser would post them unchanged. */
export function formValues(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  const form = html.slice(start, html.indexOf("</form>", start));
  const out: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input[^>]*>/g)) {
    const name = attr(tag, "name");
    if (!name || (attr(tag, "type") === "checkbox" && !/\schecked/.test(tag))) continue;
    out[name] = htmlText(attr(tag, "value") ?? "");
  }
  for (const [, name, text] of form.matchAll(/<textarea[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g))
    out[name!] = htmlText(text!);
  for (const [, name, options] of form.matchAll(/<select[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g))
    out[name!] = /<option value="([^"]*)" selected/.exec(options!)?.[1] ?? "";
  return out;
}
