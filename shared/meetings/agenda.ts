// A meeting's agenda: add, edit and move cases by the agenda rules; the body's case-number series.

import type { AppContext } from "../context.js";
import { NotFoundError } from "../errors.js";
import { t } from "../i18n/nb.js";
import type { AddAgendaItemInput, SetNextCaseNumberInput, UpdateAgendaItemInput } from "../inputs.js";
import type { AgendaItem } from "../model.js";
import * as store from "../store/agenda.js";
import { caseNumbersFrozen, editAgendaItem, moveCase, planAgendaItem, removeCase } from "./agenda-rules.js";
import { formatCaseNumber, parseCaseNumber } from "./rules.js";

/** Adds an item; a case takes the body's next number for the meeting's year. */
export function addAgendaItem(ctx: AppContext, meetingId: string, input: AddAgendaItemInput): Promise<AgendaItem> {
  return store.addAgendaItem(
    ctx,
    meetingId,
    (read) => planAgendaItem(read.meeting, read.agenda, input, read.attachments),
    formatCaseNumber,
  );
}

export async function updateAgendaItem(
  ctx: AppContext,
  meetingId: string,
  itemId: string,
  input: UpdateAgendaItemInput,
): Promise<AgendaItem> {
  const agenda = await store.writeAgendaItems(ctx, meetingId, ({ agenda, attachments }) => ({
    put: [editAgendaItem(agenda, itemId, input, attachments)],
  }));
  const item = agenda.find((i) => i.id === itemId);
  if (!item) throw new NotFoundError(t.rules.caseInMeeting(itemId));
  return item;
}

/** Moves a case; before the innkalling the numbers follow the new order, after it they stay. Returns the whole agenda. */
export function moveAgendaItem(ctx: AppContext, meetingId: string, itemId: string, position: number): Promise<AgendaItem[]> {
  return store.writeAgendaItems(ctx, meetingId, ({ meeting, agenda }) => ({
    put: moveCase(agenda, itemId, position, caseNumbersFrozen(meeting)),
  }));
}

/**
 * Deletes an item (before the innkalling; the freed number goes back to the body's series when it
 * was the last one handed out) or withdraws a numbered case (after it). Returns what happened and the agenda.
 */
export async function removeAgendaItem(
  ctx: AppContext,
  meetingId: string,
  itemId: string,
): Promise<{ outcome: "deleted" | "withdrawn"; agenda: AgendaItem[] }> {
  let outcome: "deleted" | "withdrawn" = "deleted";
  const agenda = await store.writeAgendaItems(ctx, meetingId, ({ meeting, agenda }) => {
    const removal = removeCase(meeting, agenda, itemId);
    outcome = removal.kind;
    if (removal.kind === "withdrawn") return { put: [removal.item] };
    const freed = removal.freed ? parseCaseNumber(removal.freed) : undefined;
    return { put: removal.renumbered, removeId: removal.itemId, ...(freed ? { release: freed } : {}) };
  });
  return { outcome, agenda };
}

/** Sets the next case number (a body that starts using the system mid-year: seed 000 starts at 12/2017). */
export function setNextCaseNumber(ctx: AppContext, bodyId: string, input: SetNextCaseNumberInput): Promise<void> {
  return store.setNextCaseNumber(ctx, bodyId, input.year, input.next);
}

/** The number the next case of a body in a year will get, formatted ("21/2017"). */
export async function nextCaseNumberLabel(ctx: AppContext, bodyId: string, year: number): Promise<string> {
  return formatCaseNumber(await store.nextCaseNumber(ctx, bodyId, year), year);
}
