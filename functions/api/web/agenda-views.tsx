/** The agenda on the meeting page: each case (sak) editable in place, moved, deleted or withdrawn; a new one; the next number. */
import { nbMeetings } from "../../../shared/i18n/nb-meetings.js";
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { caseNumbersFrozen } from "../../../shared/meetings/index.js";
import type { AgendaItem, Meeting } from "../../../shared/model.js";
import { Choice, Csrf, ErrorSummary, Field } from "./shell.js";

const s = nbPages;
const sm = nbMeetings.pages;

/** Sub-items as the text area shows them: "A Title", then "- bullet" lines (web/parse.ts reads them back). */
const subItemsText = (item: AgendaItem) =>
  item.subItems.map((x) => [`${x.letter} ${x.title}`, ...x.bullets.map((b) => `- ${b}`)].join("\n")).join("\n");

export function AgendaSection(p: {
  meeting: Meeting;
  agenda: AgendaItem[];
  nextNumber: string;
  caseYear: number;
  csrf: string;
  itemValues?: Record<string, string>;
  itemErrors?: Record<string, string>;
  caseNumberValues?: Record<string, string>;
  caseNumberErrors?: Record<string, string>;
}) {
  const m = p.meeting;
  // Opening and closing keep their places; only the cases between them move.
  const cases = p.agenda.filter((i) => i.kind !== "opening" && i.kind !== "closing");
  const itemErrors = p.itemErrors ?? {};
  const frozen = caseNumbersFrozen(m);
  return (
    <>
      <h2>{s.agenda}</h2>
      <ol class="agenda">
        {p.agenda.map((item) => {
          const idx = cases.findIndex((c) => c.id === item.id);
          const prefix = `sak-${item.id}-`;
          return (
            <li>
              <details>
                <summary>
                  <strong>{item.number ? s.caseNumber(item.number) : item.kind === "opening" ? s.opening : s.closing}</strong>{" "}
                  {item.title}
                  {item.withdrawn && <strong class="withdrawn"> ({sm.withdrawn})</strong>}
                </summary>
                <form method="post" action={`/moter/${m.id}/saker/${item.id}`}>
                  <Csrf csrf={p.csrf} />
                  <Field idPrefix={prefix} name="title" label={s.title} value={item.title} errors={{}} />
                  <Field idPrefix={prefix} name="background" label={s.background} value={item.background} errors={{}} textarea />
                  <Field
                    idPrefix={prefix}
                    name="proposedDecision"
                    label={s.proposedDecision}
                    value={item.proposedDecision}
                    errors={{}}
                    textarea
                  />
                  <Field
                    idPrefix={prefix}
                    name="subItems"
                    label={s.subItems}
                    hint={s.subItemsHint}
                    value={subItemsText(item)}
                    errors={{}}
                    textarea
                  />
                  <Field
                    idPrefix={prefix}
                    name="attachmentNumbers"
                    label={s.attachmentNumbers}
                    value={item.attachmentNumbers.join("+")}
                    errors={{}}
                  />
                  <button type="submit">{s.saveCase}</button>
                </form>
                {!item.withdrawn && (
                  <RemoveCase meetingId={m.id} item={item} withdraw={frozen && item.number !== null} csrf={p.csrf} />
                )}
              </details>
              {idx >= 0 && (
                <form method="post" action={`/moter/${m.id}/saker/${item.id}/flytt`} class="move">
                  <Csrf csrf={p.csrf} />
                  <button
                    type="submit"
                    name="position"
                    value={String(Math.max(0, idx - 1))}
                    class="secondary"
                    disabled={idx === 0}
                    aria-label={s.moveUp(item.title)}
                  >
                    {s.up}
                  </button>
                  <button
                    type="submit"
                    name="position"
                    value={String(idx + 1)}
                    class="secondary"
                    disabled={idx === cases.length - 1}
                    aria-label={s.moveDown(item.title)}
                  >
                    {s.down}
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ol>

      <h3>{s.newCaseHeading(p.nextNumber)}</h3>
      <form method="post" action={`/moter/${m.id}/saker`}>
        <Csrf csrf={p.csrf} />
        <ErrorSummary errors={itemErrors} idPrefix="ny-" />
        <Field idPrefix="ny-" name="title" label={s.title} value={p.itemValues?.title} errors={itemErrors} required />
        <Choice id="itemKind" name="kind" label={s.itemKind} choices={s.itemKinds} selected={p.itemValues?.kind ?? "decision"} />
        <Field
          idPrefix="ny-"
          name="background"
          label={s.background}
          value={p.itemValues?.background}
          errors={itemErrors}
          textarea
        />
        <Field
          idPrefix="ny-"
          name="proposedDecision"
          label={s.proposedDecision}
          value={p.itemValues?.proposedDecision}
          errors={itemErrors}
          textarea
        />
        <p>
          <button type="submit">{s.addCase}</button>
        </p>
      </form>
      <CaseNumberForm
        meetingId={m.id}
        year={p.caseYear}
        next={p.caseNumberValues?.next ?? p.nextNumber.split("/")[0]!}
        errors={p.caseNumberErrors ?? {}}
        csrf={p.csrf}
      />
    </>
  );
}

/** Delete (before the innkalling) or withdraw (after: kept with its number, marked "Trukket"). */
function RemoveCase(p: { meetingId: string; item: AgendaItem; withdraw: boolean; csrf: string }) {
  return (
    <form method="post" action={`/moter/${p.meetingId}/saker/${p.item.id}/slett`}>
      <Csrf csrf={p.csrf} />
      {p.withdraw && <p class="muted">{sm.withdrawHint}</p>}
      <button type="submit" class="secondary">
        {p.withdraw ? sm.withdrawCase : sm.deleteCase}
      </button>
    </form>
  );
}

/** The body's case-number series for the meeting's year: the number the next case takes (never lower). */
function CaseNumberForm(p: { meetingId: string; year: number; next: string; errors: Record<string, string>; csrf: string }) {
  return (
    <>
      <h3>{sm.caseNumbers}</h3>
      <form method="post" action={`/moter/${p.meetingId}/saksnummer`}>
        <Csrf csrf={p.csrf} />
        <ErrorSummary errors={p.errors} idPrefix="saksnr-" />
        <Field
          idPrefix="saksnr-"
          name="next"
          label={sm.nextCaseNumber(p.year)}
          type="number"
          value={p.next}
          errors={p.errors}
          required
        />
        <p>
          <button type="submit" class="secondary">
            {sm.setCaseNumber}
          </button>
        </p>
      </form>
    </>
  );
}
