/** The MJML templates of every email, with placeholder tokens where each recipient's values go. */
import type { MeetingEmailModel } from "./model.js";
import { type EmailLanguage, type EmailTexts, emailTexts } from "./texts.js";

/**
 * MJML templates. Each returns the MJML (rendered once per meeting version), a plain-text part
 * and a subject, all with placeholder tokens where per-recipient values go. User text is
 * HTML-escaped here; "%" is neutralised so user text can never form a placeholder.
 */
/**
 * The catalogue of the template being built. A template is built synchronously, one at a time, and
 * each builder sets it first (useTexts), so the small helpers below need not pass it around.
 */
let m: EmailTexts = emailTexts();
export function useTexts(language?: EmailLanguage): EmailTexts {
  m = emailTexts(language);
  return m;
}

export const TOKENS = {
  name: "%%NAVN%%",
  replyUrl: "%%SVARLENKE%%",
  attachments: "%%VEDLEGG%%",
  substitute: "%%STEDFORTREDER%%",
  reply: "%%SVAR%%",
  /** A substitute's invitation: that they may answer through their link too (empty for others). */
  substituteHelp: "%%STEDFORTREDERHJELP%%",
} as const;

export interface TemplateSource {
  subject: string;
  mjml: string;
  text: string;
}

/** The one HTML escaper of the emails (also used for the personal values filled in per recipient). */
export const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** HTML-escape user text for MJML; "%" becomes an entity so "%%X%%" in user text is inert. */
export const esc = (s: string) => escapeHtml(s).replace(/%/g, "&#37;");
/** Plain text: a word joiner between "%%" keeps user text from forming a placeholder. */
export function plain(s: string): string {
  return s.replace(/%%/g, "%\u2060%");
}
export const para = (s: string) => esc(s).replace(/\r?\n/g, "<br />");

const head = (title: string) => `<mj-head>
  <mj-title>${esc(title)}</mj-title>
  <mj-attributes>
    <mj-all font-family="Arial, Helvetica, sans-serif" />
    <mj-text font-size="15px" line-height="1.5" color="#1b1b1b" />
  </mj-attributes>
</mj-head>`;

const banner = (text: string) => `<mj-section background-color="#0b4f8a" padding="16px">
    <mj-column><mj-text color="#ffffff" font-size="20px" font-weight="bold">${esc(text)}</mj-text></mj-column>
  </mj-section>`;

/** Every email's frame; lang="nb" or "nn" so screen readers read it as Norwegian. */
export const page = (title: string, heading: string, content: string) => `<mjml lang="${m.lang}">
${head(title)}
<mj-body background-color="#f3f6f9">
  ${banner(heading)}
  <mj-section background-color="#ffffff" padding="8px 16px">
    <mj-column>
${content}
    </mj-column>
  </mj-section>
</mj-body>
</mjml>`;

function facts(model: MeetingEmailModel, withDeadline = true): { html: string; text: string } {
  const rows: [string, string][] = [
    [m.time, model.when],
    [m.place, model.place],
  ];
  if (withDeadline && model.deadline) rows.push([m.deadline, model.deadline]);
  return {
    html: `<mj-text>${rows.map(([k, v]) => `<strong>${esc(k)}:</strong> ${esc(v)}`).join("<br />")}</mj-text>`,
    text: rows.map(([k, v]) => `${k}: ${plain(v)}`).join("\n"),
  };
}

function agenda(model: MeetingEmailModel): { html: string; text: string } {
  const html: string[] = [`<mj-text><h2 style="font-size:18px;margin:0">${esc(m.agenda)}</h2></mj-text>`];
  const text: string[] = [m.agenda.toUpperCase(), ""];
  for (const item of model.agenda) {
    const label = item.number ? `${m.case} ${item.number} ` : "";
    const att = item.attachmentNumbers.length ? `${m.attachmentsFor} ${item.attachmentNumbers.join("+")}` : "";
    const parts = [`<strong>${esc(label + item.title)}</strong>`];
    const textParts = [`${label}${plain(item.title)}`];
    if (att) {
      parts.push(`<em>${esc(att)}</em>`);
      textParts.push(att);
    }
    if (item.background) {
      parts.push(para(item.background));
      textParts.push(plain(item.background));
    }
    if (item.subItems.length) {
      parts.push(
        `<ul style="margin:4px 0;padding-left:20px">${item.subItems
          .map(
            (s) =>
              `<li>${esc(`${s.letter} ${s.title}`)}${s.bullets.length ? `<ul>${s.bullets.map((b) => `<li>${esc(b)}</li>`).join("")}</ul>` : ""}</li>`,
          )
          .join("")}</ul>`,
      );
      for (const s of item.subItems) {
        textParts.push(`  ${s.letter} ${plain(s.title)}`);
        for (const b of s.bullets) textParts.push(`    - ${plain(b)}`);
      }
    }
    if (item.proposedDecision) {
      parts.push(`<strong>${esc(m.proposedDecision)}</strong><br />${para(item.proposedDecision)}`);
      textParts.push(m.proposedDecision, plain(item.proposedDecision));
    }
    html.push(`<mj-text padding-top="4px">${parts.join("<br />")}</mj-text>`);
    text.push(textParts.join("\n"), "");
  }
  return { html: html.join("\n"), text: text.join("\n") };
}

export function attachmentList(list: { number: number; title: string }[]): { html: string; text: string } {
  if (!list.length) return { html: "", text: "" };
  return {
    html: `<mj-text><h2 style="font-size:18px;margin:0">${esc(m.attachments)}</h2><ul style="padding-left:20px">${list
      .map((a) => `<li><a href="${TOKENS.attachments}/${a.number}">${esc(m.attachment(a.number, a.title))}</a></li>`)
      .join("")}</ul></mj-text>`,
    text: `${m.attachments.toUpperCase()}\n${list.map((a) => `${plain(m.attachment(a.number, a.title))}: ${TOKENS.attachments}/${a.number}`).join("\n")}\n`,
  };
}

export function contact(s: { name: string; email: string; phone?: string }): { html: string; text: string } {
  const line = `${s.name}, ${s.email}${s.phone ? `, ${m.phone} ${s.phone}` : ""}`;
  return { html: `<mj-text color="#4a4a4a">${esc(m.contact)} ${esc(line)}</mj-text>`, text: `${m.contact} ${plain(line)}` };
}

export type MeetingTemplateKind = "invitation" | "reminder" | "confirmation" | "substitute-released";

export function meetingTemplate(kind: MeetingTemplateKind, model: MeetingEmailModel): TemplateSource {
  useTexts(model.language);
  const date = model.date;
  const cancelled = model.status === "cancelled";
  const updated = !cancelled && model.sequence > 0;
  const f = facts(model, kind !== "substitute-released" && !cancelled);
  const c = contact(model.secretariat);
  const greet = {
    html: `<mj-text>${esc(m.to)} ${TOKENS.name}${TOKENS.substitute}</mj-text>`,
    text: `${m.to} ${TOKENS.name}${TOKENS.substitute}`,
  };
  const title = `${model.bodyName}: ${model.meetingTitle}`;
  const titleBlock = { html: `<mj-text font-size="17px"><strong>${esc(title)}</strong></mj-text>`, text: plain(title) };

  if (kind === "confirmation" || kind === "substitute-released") {
    const heading = kind === "confirmation" ? m.confirmationHeading : m.releasedHeading;
    const body =
      kind === "confirmation"
        ? {
            html: `<mj-text>${esc(m.confirmation)} <strong>${TOKENS.reply}</strong></mj-text>`,
            text: `${m.confirmation} ${TOKENS.reply}`,
          }
        : { html: `<mj-text>${TOKENS.reply}</mj-text>`, text: TOKENS.reply };
    const button =
      kind === "confirmation"
        ? {
            html: `<mj-button href="${TOKENS.replyUrl}" background-color="#0b4f8a" align="left">${esc(m.changeButton)}</mj-button>`,
            text: `${m.changeButton}: ${TOKENS.replyUrl}`,
          }
        : { html: "", text: "" };
    return {
      subject: kind === "confirmation" ? m.confirmationSubject(model.bodyName, date) : m.releasedSubject(model.bodyName, date),
      mjml: page(heading, heading, [greet.html, body.html, titleBlock.html, f.html, button.html, c.html].join("\n")),
      text: [heading, "", greet.text, "", body.text, "", titleBlock.text, f.text, "", button.text, "", c.text].join("\n"),
    };
  }

  const heading = cancelled
    ? m.cancelledHeading(model.bodyName)
    : kind === "reminder"
      ? m.reminderHeading
      : updated
        ? m.updatedHeading(model.bodyName)
        : m.invitationHeading(model.bodyName);
  const subject = cancelled
    ? m.cancelledSubject(model.bodyName, model.meetingTitle, date)
    : kind === "reminder"
      ? m.reminderSubject(model.bodyName, model.meetingTitle, date)
      : updated
        ? m.updatedSubject(model.bodyName, model.meetingTitle, date)
        : m.invitationSubject(model.bodyName, model.meetingTitle, date);
  const button = cancelled
    ? { html: "", text: "" }
    : {
        html: `<mj-button href="${TOKENS.replyUrl}" background-color="#0b4f8a" font-size="16px" align="left">${esc(m.replyButton)}</mj-button><mj-text color="#4a4a4a">${esc(m.replyHelp)}${TOKENS.substituteHelp}</mj-text>`,
        text: `${m.replyButton}: ${TOKENS.replyUrl}\n${m.replyHelp}${TOKENS.substituteHelp}`,
      };
  const a = cancelled ? { html: "", text: "" } : agenda(model);
  const att = cancelled ? { html: "", text: "" } : attachmentList(model.attachments);
  return {
    subject,
    mjml: page(
      subject,
      heading,
      [
        greet.html,
        titleBlock.html,
        f.html,
        button.html,
        `<mj-divider border-color="#c8c8c8" border-width="1px" />`,
        a.html,
        att.html,
        c.html,
      ].join("\n"),
    ),
    text: [
      heading,
      "",
      greet.text,
      "",
      titleBlock.text,
      f.text,
      "",
      button.text,
      "",
      a.text,
      att.text,
      c.text,
      "",
      cancelled ? "" : m.calendar,
    ].join("\n"),
  };
}

export function loginTemplate(): TemplateSource {
  useTexts();
  return {
    subject: m.loginSubject,
    mjml: page(
      m.loginSubject,
      m.loginSubject,
      [
        `<mj-text>${esc(m.login)}</mj-text>`,
        `<mj-button href="${TOKENS.replyUrl}" background-color="#0b4f8a" align="left">${esc(m.loginButton)}</mj-button>`,
        `<mj-text color="#4a4a4a">${esc(m.loginIgnore)}</mj-text>`,
      ].join("\n"),
    ),
    text: [m.loginSubject, "", m.login, "", `${m.loginButton}: ${TOKENS.replyUrl}`, "", m.loginIgnore].join("\n"),
  };
}
