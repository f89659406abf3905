/** MIME: the message built once per send by nodemailer with slots, and each recipient's copy filled in. */
import { randomUUID } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { foldLines } from "nodemailer/lib/mime-funcs/index.js";
import MimeNode from "nodemailer/lib/mime-node/index.js";
import { encode as qpEncode, wrap as qpWrap } from "nodemailer/lib/qp/index.js";
import { type CalendarTemplate, calendarFor } from "./ical.js";
import type { Recipient } from "./model.js";
import { escapeHtml, headerSafe, type ReplyWording, recipientValues, TOKEN_PATTERN } from "./render.js";
import type { EmailLanguage } from "./texts.js";

/**
 * A message prepared once per send. MailComposer builds the whole message (headers, structure,
 * boundaries) once, with markers where per-recipient content goes; the part bodies are
 * quoted-printable, encoded here once as literal runs with a slot for each placeholder token.
 * A recipient's copy is the literals joined with that recipient's encoded values: no MIME work
 * per recipient beyond encoding the few short values. Plain data, so it can be stored with the send.
 */
export interface PreparedEmail {
  wording: ReplyWording;
  /** The body's language, for the per-recipient words filled in. */
  language?: EmailLanguage;
  /** The sender's domain, for each copy's own Message-ID. */
  domain: string;
  /** literals[0] slots[0] literals[1] … literals[n]. */
  literals: string[];
  slots: string[];
  calendar?: CalendarTemplate;
}

export interface MessageParts {
  from: { name: string; address: string };
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  calendar?: { template: CalendarTemplate; method: "REQUEST" | "CANCEL" };
  language?: EmailLanguage;
  /** A file every copy carries (the referat as PDF/A), encoded once with the message. */
  attachment?: { filename: string; content: Uint8Array; contentType: string };
}

// Markers MailComposer writes through unchanged (plain ASCII, no "=" for QP, short for base64).
const TO_MARK = "slot-to@slot.invalid";
const ID_MARK = "<slot-id@slot.invalid>";
const BODY_MARK = { text: "@@slot:text@@", html: "@@slot:html@@" };
const CALENDAR_MARK = "@@slot:cal@@";
const CALENDAR_MARK_B64 = Buffer.from(CALENDAR_MARK).toString("base64");
const QP = { "Content-Transfer-Encoding": "quoted-printable" };
const B64 = { "Content-Transfer-Encoding": "base64" };

const SKELETON_SLOTS = new RegExp(
  `(^To: ${escapeRe(TO_MARK)}\\r\\n|^Message-ID: ${escapeRe(ID_MARK)}\\r\\n|^Date: [^\\r\\n]*\\r\\n|${escapeRe(BODY_MARK.text)}|${escapeRe(BODY_MARK.html)}|${escapeRe(CALENDAR_MARK_B64)})`,
  "m",
);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Quoted-printable lines of a run of text, ending in a soft line break so the next run starts a fresh line (≤76 octets a line). */
function qpRun(s: string): string {
  return s ? `${qpWrap(qpEncode(s.replace(/\r?\n/g, "\r\n")), 75)}=\r\n` : "";
}

export async function prepareMime(parts: MessageParts, wording: ReplyWording): Promise<PreparedEmail> {
  const composer = new MailComposer({
    from: { name: headerSafe(parts.from.name), address: parts.from.address },
    to: TO_MARK,
    replyTo: parts.replyTo,
    subject: headerSafe(parts.subject),
    messageId: ID_MARK,
    text: { content: BODY_MARK.text, headers: QP },
    html: { content: BODY_MARK.html, headers: QP },
    // The calendar as iMIP wants it: an alternative part, and the same file attached.
    ...(parts.calendar
      ? {
          alternatives: [
            {
              contentType: `text/calendar; charset=utf-8; method=${parts.calendar.method}`,
              content: CALENDAR_MARK,
              headers: B64,
            },
          ],
          attachments: [{ filename: "invitasjon.ics", contentType: "application/ics", content: CALENDAR_MARK }],
        }
      : {}),
    ...(parts.attachment
      ? {
          attachments: [
            {
              filename: parts.attachment.filename,
              contentType: parts.attachment.contentType,
              content: Buffer.from(parts.attachment.content),
            },
          ],
        }
      : {}),
  });
  const skeleton = (
    await new Promise<Buffer>((resolve, reject) => composer.compile().build((err, m) => (err ? reject(err) : resolve(m))))
  ).toString("latin1");
  const literals: string[] = [""];
  const slots: string[] = [];
  const addLiteral = (s: string) => {
    literals[literals.length - 1] += s;
  };
  const addSlot = (slot: string) => {
    slots.push(slot);
    literals.push("");
  };
  for (const [i, piece] of skeleton.split(SKELETON_SLOTS).entries()) {
    if (i % 2 === 0) addLiteral(piece);
    else if (piece === BODY_MARK.text || piece === BODY_MARK.html) {
      const part = piece === BODY_MARK.text ? "t" : "h";
      for (const [j, run] of (part === "t" ? parts.text : parts.html).split(TOKEN_PATTERN).entries()) {
        if (j % 2 === 0) addLiteral(qpRun(run));
        else addSlot(`${part}:${run}`);
      }
    } else if (piece === CALENDAR_MARK_B64) addSlot("calendar");
    else addSlot(piece.startsWith("To:") ? "to" : piece.startsWith("Message-ID:") ? "id" : "date");
  }
  return {
    wording,
    ...(parts.language ? { language: parts.language } : {}),
    domain: parts.from.address.split("@").pop() ?? "localhost",
    literals,
    slots,
    ...(parts.calendar ? { calendar: parts.calendar.template } : {}),
  };
}

// nodemailer's own address-header encoder (public in nodemailer, missing from @types/nodemailer).
const encodeHeader = (MimeNode as unknown as { encodeHeaderValue(key: string, value: { name: string; address: string }): string })
  .encodeHeaderValue;

const base64Lines = (s: string) => Buffer.from(s, "utf8").toString("base64").replace(/.{76}/g, "$&\r\n").replace(/\r\n$/, "");

/** One recipient's copy of a prepared message, as complete MIME. */
export function fillMime(prepared: PreparedEmail, recipient: Recipient, now = new Date()): Buffer {
  const values = recipientValues(recipient, prepared.wording, prepared.language);
  const encoded = new Map<string, string>();
  const slotValue = (slot: string): string => {
    let v = encoded.get(slot);
    if (v !== undefined) return v;
    if (slot === "to")
      v = `${foldLines(`To: ${encodeHeader("To", { name: headerSafe(recipient.name), address: recipient.email })}`, 76)}\r\n`;
    else if (slot === "id") v = `Message-ID: <${randomUUID()}@${prepared.domain}>\r\n`;
    else if (slot === "date") v = `Date: ${now.toUTCString().replace(/GMT/, "+0000")}\r\n`;
    else if (slot === "calendar") v = prepared.calendar ? base64Lines(calendarFor(prepared.calendar, recipient)) : "";
    else {
      const raw = values[slot.slice(2)] ?? "";
      v = qpRun(slot.startsWith("h:") ? escapeHtml(raw) : raw);
    }
    encoded.set(slot, v);
    return v;
  };
  let out = prepared.literals[0]!;
  for (let i = 0; i < prepared.slots.length; i++) out += slotValue(prepared.slots[i]!) + prepared.literals[i + 1]!;
  return Buffer.from(out, "utf8");
}
