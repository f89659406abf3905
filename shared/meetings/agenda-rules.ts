// Pure agenda rules: where a new item goes and whether it is a numbered case, what an edit changes, how a move renumbers.

import { ConflictError, NotFoundError } from "../errors.js";
import { t } from "../i18n/nb.js";
import type { AddAgendaItemInput, UpdateAgendaItemInput } from "../inputs.js";
import type { AgendaItem, Meeting } from "../model.js";
import { osloYear } from "../time.js";
import { compareCaseNumbers } from "./rules.js";

/** The opening item always comes first and «Eventuelt» last, whatever is added between. */
const OPENING_ORDER = -1_000_000;
const CLOSING_ORDER = 1_000_000;

const isFixed = (i: AgendaItem) => i.kind === "opening" || i.kind === "closing";

/**
 * A new item for the meeting as it is: not on a cancelled meeting, at most one opening and one
 * closing item, cases after the last case. A case (decision/information) is numbered in the
 * series of the meeting's year in Oslo time (caseYear).
 */
export function planAgendaItem(
  meeting: Meeting,
  agenda: AgendaItem[],
  input: AddAgendaItemInput,
): { item: Omit<AgendaItem, "id" | "meetingId" | "number">; caseYear?: number } {
  if (meeting.status === "cancelled") throw new ConflictError(t.rules.meetingCancelledAgenda);
  if (input.kind === "opening" && agenda.some((i) => i.kind === "opening")) throw new ConflictError(t.rules.openingExists);
  if (input.kind === "closing" && agenda.some((i) => i.kind === "closing")) throw new ConflictError(t.rules.otherBusinessExists);
  const lastCase = agenda.filter((i) => !isFixed(i)).at(-1);
  const order = input.kind === "opening" ? OPENING_ORDER : input.kind === "closing" ? CLOSING_ORDER : (lastCase?.order ?? 0) + 10;
  const numbered = input.kind === "decision" || input.kind === "information";
  return {
    item: {
      title: input.title,
      kind: input.kind,
      background: input.background,
      proposedDecision: input.proposedDecision,
      subItems: input.subItems,
      attachmentNumbers: input.attachmentNumbers,
      order,
    },
    ...(numbered ? { caseYear: osloYear(meeting.startsAt) } : {}),
  };
}

/** The item after an edit: only the fields given change; null clears background or proposed decision. */
export function editAgendaItem(agenda: AgendaItem[], itemId: string, input: UpdateAgendaItemInput): AgendaItem {
  const current = agenda.find((i) => i.id === itemId);
  if (!current) throw new NotFoundError(t.rules.caseInMeeting(itemId));
  const next: AgendaItem = { ...current };
  if (input.title !== undefined) next.title = input.title;
  if (input.background !== undefined) next.background = input.background ?? undefined;
  if (input.proposedDecision !== undefined) next.proposedDecision = input.proposedDecision ?? undefined;
  if (input.subItems !== undefined) next.subItems = input.subItems;
  if (input.attachmentNumbers !== undefined) next.attachmentNumbers = input.attachmentNumbers;
  return next;
}

/**
 * Moves a case to a new position among the cases. The meeting's own case numbers are dealt out
 * again in the new order, so the agenda always reads 12, 13, 14 … with no gap and no duplicate.
 * The opening and closing items stay first and last. Returns the cases, rewritten.
 */
export function moveCase(agenda: AgendaItem[], itemId: string, position: number): AgendaItem[] {
  const item = agenda.find((i) => i.id === itemId);
  if (!item) throw new NotFoundError(t.rules.caseInMeeting(itemId));
  if (isFixed(item)) throw new ConflictError(t.rules.fixedItems);
  const cases = agenda.filter((i) => !isFixed(i));
  const rest = cases.filter((i) => i.id !== itemId);
  rest.splice(Math.min(position, rest.length), 0, item);
  const numbers = cases
    .map((i) => i.number)
    .filter((n): n is string => n !== null)
    .sort(compareCaseNumbers);
  return rest.map((i, idx) => ({
    ...i,
    order: (idx + 1) * 10,
    number: i.number === null ? null : (numbers.shift() ?? i.number),
  }));
}
