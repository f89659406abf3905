/** MJML rendering (once per meeting version and template) and the per-recipient token values. */
import mjml2html from "mjml";
import type { Recipient } from "./model.js";
import { escapeHtml, type TemplateSource, TOKENS } from "./templates.js";
import { type EmailLanguage, type EmailTexts, emailTexts } from "./texts.js";

/**
 * Rendering rule (DESIGN §6): MJML is rendered once per meeting version and template; each
 * recipient's copy is made by substituting escaped values for the placeholder tokens.
 * This module is the only one that loads mjml, and only the send worker loads it.
 */
export interface RenderedTemplate {
  subject: string;
  html: string;
  text: string;
}

let renders = 0;
/** How many times mjml2html has run in this process (the send benchmark proves one per version). */
export const mjmlRenderCount = () => renders;

export async function renderTemplate(source: TemplateSource): Promise<RenderedTemplate> {
  renders++;
  // "strict": a template error fails loudly instead of sending a broken email.
  const out = await mjml2html(source.mjml, { validationLevel: "strict", minify: false, keepComments: false });
  return { subject: source.subject, html: out.html, text: source.text };
}

const cache = new Map<string, Promise<RenderedTemplate>>();
/** Renders once per key (template kind + meeting id + version); concurrent callers share the render. */
export function renderTemplateCached(key: string, source: () => TemplateSource): Promise<RenderedTemplate> {
  let hit = cache.get(key);
  if (!hit) {
    hit = renderTemplate(source());
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
    if (cache.size > 100) cache.delete(cache.keys().next().value!);
  }
  return hit;
}

export { escapeHtml };
/** Header values: no line breaks, ever (no header injection through a name or title). */
export const headerSafe = (s: string) => s.replace(/[\r\n\t]+/g, " ").trim();

/** The templates that say something about the recipient's reply in the %%SVAR%% token. */
export type ReplyWording = "reply" | "released" | "none";

/** One recipient's value for each token, unescaped (HTML escaping is the caller's, per part). */
export function recipientValues(r: Recipient, wording: ReplyWording, language?: EmailLanguage): Record<string, string> {
  const m = emailTexts(language);
  return {
    [TOKENS.name]: r.name,
    [TOKENS.replyUrl]: r.replyUrl ?? "",
    [TOKENS.attachments]: r.attachmentBaseUrl,
    [TOKENS.substitute]: r.substituteFor ? (r.vara ? m.varaLine : m.substituteLine)(r.substituteFor) : "",
    [TOKENS.substituteHelp]: r.substituteFor ? ` ${(r.vara ? m.varaReplyHelp : m.substituteReplyHelp)(r.substituteFor)}` : "",
    [TOKENS.reply]: wording === "released" ? m.released(r.substituteFor ?? "") : wording === "reply" ? replyWords(r, m) : "",
  };
}

function replyWords(r: Recipient, m: EmailTexts): string {
  const reply = r.reply;
  if (!reply) return "";
  if (reply.status === "attending") return m.replyAttending;
  if (reply.status === "absent") return m.replyAbsent(reply.reason);
  return m.replySubstitute(reply.substituteName ?? "", reply.substituteEmail ?? "");
}

/** The placeholder tokens, as a pattern that splits a rendered part into literal text and tokens. */
export const TOKEN_PATTERN = /(%%(?:NAVN|SVARLENKE|VEDLEGG|STEDFORTREDERHJELP|STEDFORTREDER|SVAR)%%)/;

/**
 * One recipient's copy: one pass over the known tokens in the HTML and text parts, values escaped
 * for HTML, raw for text. The subject is never personalised: it is built from the meeting's own
 * values, so a "%%SVARLENKE%%" typed into a title or body name stays literal and a personal link
 * can never end up in a header (where mail logs, previews and forwards would show it).
 */
export function personalise(rendered: RenderedTemplate, values: Record<string, string>): RenderedTemplate {
  const pattern = new RegExp(TOKEN_PATTERN.source, "g");
  return {
    subject: headerSafe(rendered.subject),
    html: rendered.html.replace(pattern, (t) => escapeHtml(values[t] ?? "")),
    text: rendered.text.replace(pattern, (t) => values[t] ?? ""),
  };
}
