// Emails as the send worker composes them, for the email tests: prepared once, filled in per recipient.
import {
  fillEmail,
  type MeetingTemplateKind,
  personalCopy,
  prepareEmail,
  prepareMinutesEmail,
  type Recipient,
} from "../../../emails/index.js";
import type { MeetingEmailModel, MinutesEmailModel } from "../../../emails/model.js";
import { formatMeetingTime, formatOsloDate } from "../../../shared/time.js";
import { sender } from "./fixtures.js";

/** The date and time of seed 001's meeting (23 November 2017), as the minutes show them. */
export const minutesShown = {
  date: formatOsloDate("2017-11-23T08:00:00Z"),
  when: formatMeetingTime("2017-11-23T08:00:00Z", "2017-11-23T10:15:00Z"),
};

/** One recipient's email as the worker makes it: prepared once, filled in; with the copy the preview shows. */
export async function composeEmail(kind: MeetingTemplateKind, model: MeetingEmailModel, to: Recipient) {
  const prepared = await prepareEmail(kind, model, sender);
  return { raw: fillEmail(prepared.email, to), ...personalCopy(prepared, to) };
}
export async function composeMinutesEmail(model: MinutesEmailModel, to: Recipient) {
  const prepared = await prepareMinutesEmail(model, sender);
  return { raw: fillEmail(prepared.email, to), ...personalCopy(prepared, to) };
}
