// A meeting's agenda: add, edit and move cases by the agenda rules; the body's case-number series.

import type { AppContext } from "../context.js";
import { NotFoundError } from "../errors.js";
import { t } from "../i18n/nb.js";
import type { AddAgendaItemInput, SetNextCaseNumberInput, UpdateAgendaItemInput } from "../inputs.js";
import type { AgendaItem } from "../model.js";
import * as store from "../store/agenda.js";
import { editAgendaItem, moveCase, planAgendaItem } from "./agenda-rules.js";
import { formatCaseNumber } from "./rules.js";

/** Adds an item; a case takes the body's next number for the meeting's year. */
export function addAgendaItem(ctx: AppContext, meetingId: string, input: AddAgendaItemInput): Promise<AgendaItem> {
  return store.addAgendaItem(ctx, meetingId, ({ meeting, agenda }) => planAgendaItem(meeting, agenda, input), formatCaseNumber);
}

export async function updateAgendaItem(
  ctx: AppContext,
  meetingId: string,
  itemId: string,
  input: UpdateAgendaItemInput,
): Promise<AgendaItem> {
  const agenda = await store.writeAgendaItems(ctx, meetingId, ({ agenda }) => [editAgendaItem(agenda, itemId, input)]);
  const item = agenda.find((i) => i.id === itemId);
  if (!item) throw new NotFoundError(t.rules.caseInMeeting(itemId));
  return item;
}

/** Moves a case; the numbers follow the new order. Returns the whole agenda. */
export function moveAgendaItem(ctx: AppContext, meetingId: string, itemId: string, position: number): Promise<AgendaItem[]> {
  return store.writeAgendaItems(ctx, meetingId, ({ agenda }) => moveCase(agenda, itemId, position));
}

/** Sets the next case number (a body that starts using the system mid-year: seed 000 starts at 12/2017). */
export function setNextCaseNumber(ctx: AppContext, bodyId: string, input: SetNextCaseNumberInput): Promise<void> {
  return store.setNextCaseNumber(ctx, bodyId, input.year, input.next);
}

/** The number the next case of a body in a year will get, formatted ("21/2017"). */
export async function nextCaseNumberLabel(ctx: AppContext, bodyId: string, year: number): Promise<string> {
  return formatCaseNumber(await store.nextCaseNumber(ctx, bodyId, year), year);
}
