// Pure agenda rules: where a new item goes and whether it is a numbered case, what an edit changes, how a move renumbers.

import { ConflictError, InvalidError, NotFoundError } from "../errors.js";
import { t } from "../i18n/nb.js";
import { nbMeetings } from "../i18n/nb-meetings.js";
import type { AddAgendaItemInput, UpdateAgendaItemInput } from "../inputs.js";
import type { AgendaItem, Attachment, Meeting } from "../model.js";
import { osloYear } from "../time.js";
import { compareCaseNumbers } from "./rules.js";

/** The opening item always comes first and «Eventuelt» last, whatever is added between. */
const OPENING_ORDER = -1_000_000;
const CLOSING_ORDER = 1_000_000;

const isFixed = (i: AgendaItem) => i.kind === "opening" || i.kind === "closing";

/**
 * Once an innkalling has gone out, members, the referat and the archive refer to cases by number:
 * from then on a case keeps its number whatever happens to the agenda (a move, a withdrawal).
 */
export const caseNumbersFrozen = (meeting: Meeting) => meeting.invitedVersion !== undefined || meeting.status !== "draft";

/** An item may only point at attachments the meeting has ("Vedlegg 3" must exist). */
function assertAttachmentsExist(numbers: number[] | undefined, attachments: Attachment[]): void {
  const known = new Set(attachments.map((a) => a.number));
  const unknown = [...new Set(numbers ?? [])].filter((n) => !known.has(n));
  if (unknown.length)
    throw new InvalidError([{ field: "attachmentNumbers", message: nbMeetings.rules.unknownAttachments(unknown.join(", ")) }]);
}

/**
 * A new item for the meeting as it is: not on a cancelled meeting, at most one opening and one
 * closing item, cases after the last case. A case (decision/information) is numbered in the
 * series of the meeting's year in Oslo time (caseYear).
 */
export function planAgendaItem(
  meeting: Meeting,
  agenda: AgendaItem[],
  input: AddAgendaItemInput,
  attachments: Attachment[],
): { item: Omit<AgendaItem, "id" | "meetingId" | "number">; caseYear?: number } {
  if (meeting.status === "cancelled") throw new ConflictError(t.rules.meetingCancelledAgenda);
  assertAttachmentsExist(input.attachmentNumbers, attachments);
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
export function editAgendaItem(
  agenda: AgendaItem[],
  itemId: string,
  input: UpdateAgendaItemInput,
  attachments: Attachment[],
): AgendaItem {
  const current = agenda.find((i) => i.id === itemId);
  if (!current) throw new NotFoundError(t.rules.caseInMeeting(itemId));
  assertAttachmentsExist(input.attachmentNumbers, attachments);
  const next: AgendaItem = { ...current };
  if (input.title !== undefined) next.title = input.title;
  if (input.background !== undefined) next.background = input.background ?? undefined;
  if (input.proposedDecision !== undefined) next.proposedDecision = input.proposedDecision ?? undefined;
  if (input.subItems !== undefined) next.subItems = input.subItems;
  if (input.attachmentNumbers !== undefined) next.attachmentNumbers = input.attachmentNumbers;
  return next;
}

/**
 * Moves a case to a new position among the cases. Before the innkalling has gone out, the
 * meeting's own case numbers are dealt out again in the new order, so the agenda reads 12, 13, 14 …
 * with no gap and no duplicate. After it (`frozen`), only the order changes and every case keeps
 * the number the members were sent: keeping is kinder than refusing, since the secretariat may
 * well need to take a case earlier, and 12, 14, 13 is still unambiguous.
 * The opening and closing items stay first and last. Returns the cases, rewritten.
 */
export function moveCase(agenda: AgendaItem[], itemId: string, position: number, frozen: boolean): AgendaItem[] {
  const item = agenda.find((i) => i.id === itemId);
  if (!item) throw new NotFoundError(t.rules.caseInMeeting(itemId));
  if (isFixed(item)) throw new ConflictError(t.rules.fixedItems);
  const cases = agenda.filter((i) => !isFixed(i));
  const rest = cases.filter((i) => i.id !== itemId);
  rest.splice(Math.min(position, rest.length), 0, item);
  const reordered = rest.map((i, idx) => ({ ...i, order: (idx + 1) * 10 }));
  return frozen ? reordered : dealNumbers(reordered, sortedNumbers(cases));
}

const sortedNumbers = (cases: AgendaItem[]) =>
  cases
    .map((i) => i.number)
    .filter((n): n is string => n !== null)
    .sort(compareCaseNumbers);

/** Gives the numbered cases, in their order, the numbers given (lowest first). */
const dealNumbers = (cases: AgendaItem[], numbers: string[]) =>
  cases.map((i) => ({ ...i, number: i.number === null ? null : (numbers.shift() ?? i.number) }));

export type Removal =
  | { kind: "withdrawn"; item: AgendaItem }
  /** `renumbered`: the cases after a deletion, numbered again; `freed`: the number no case has now. */
  | { kind: "deleted"; itemId: string; renumbered: AgendaItem[]; freed?: string };

/**
 * Takes an item off the agenda. Before the innkalling: deleted, and the remaining cases numbered
 * again with no gap (the highest number is freed). After it, a numbered case is withdrawn instead:
 * marked "Trukket" and kept for the record with its number. Unnumbered items are always deleted.
 */
export function removeCase(meeting: Meeting, agenda: AgendaItem[], itemId: string): Removal {
  const item = agenda.find((i) => i.id === itemId);
  if (!item) throw new NotFoundError(t.rules.caseInMeeting(itemId));
  if (item.number !== null && caseNumbersFrozen(meeting)) {
    if (item.withdrawn) throw new ConflictError(nbMeetings.rules.alreadyWithdrawn);
    return { kind: "withdrawn", item: { ...item, withdrawn: true } };
  }
  if (item.number === null) return { kind: "deleted", itemId, renumbered: [] };
  const cases = agenda.filter((i) => !isFixed(i));
  const numbers = sortedNumbers(cases);
  const freed = numbers.pop();
  const renumbered = dealNumbers(
    cases.filter((i) => i.id !== itemId),
    numbers,
  );
  return { kind: "deleted", itemId, renumbered, freed };
}
