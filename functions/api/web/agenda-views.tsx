/** The agenda on the meeting page: each case (sak) editable in place, moved up or down, and the form for a new one. */
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import type { AgendaItem, Meeting } from "../../../shared/model.js";
import { Choice, Csrf, ErrorSummary, Field } from "./shell.js";

const s = nbPages;

/** Sub-items as the text area shows them: "A Title", then "- bullet" lines (web/parse.ts reads them back). */
const subItemsText = (item: AgendaItem) =>
  item.subItems.map((x) => [`${x.letter} ${x.title}`, ...x.bullets.map((b) => `- ${b}`)].join("\n")).join("\n");

export function AgendaSection(p: {
  meeting: Meeting;
  agenda: AgendaItem[];
  nextNumber: string;
  csrf: string;
  itemValues?: Record<string, string>;
  itemErrors?: Record<string, string>;
}) {
  const m = p.meeting;
  // Opening and closing keep their places; only the cases between them move.
  const cases = p.agenda.filter((i) => i.kind !== "opening" && i.kind !== "closing");
  const itemErrors = p.itemErrors ?? {};
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
    </>
  );
}
