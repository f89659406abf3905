// An innkalling after its reply deadline or its start: allowed, but only when the secretariat says so.
import { ConflictError } from "../errors.js";
import { nbSending } from "../i18n/nb-sending.js";
import type { Meeting } from "../model.js";
import type { EmailTemplate } from "../store/sends.js";
import { formatOsloDateTime } from "../time.js";

/** What has passed, as the secretariat is told (undefined: nothing, or not an innkalling). */
export function lateSendWarning(meeting: Meeting, template: EmailTemplate, now: Date): string | undefined {
  if (template !== "invitation") return undefined;
  const parts: string[] = [];
  if (meeting.replyDeadline && new Date(meeting.replyDeadline) <= now)
    parts.push(nbSending.deadlinePassed(formatOsloDateTime(meeting.replyDeadline)));
  if (new Date(meeting.startsAt) <= now) parts.push(nbSending.startPassed(formatOsloDateTime(meeting.startsAt)));
  return parts.length ? nbSending.latePassed(parts) : undefined;
}

/** Refused until confirmed: the page asks again, the API wants `confirmLate: true`. */
export class LateSendError extends ConflictError {
  constructor(readonly warning: string) {
    super(`${warning} ${nbSending.lateApiHint}`);
  }
}
