// Small view parts the reply page and the archive share: the attachment list and a case's heading.
import { t } from "../../shared/i18n/nb.js";

/** "Vedlegg" and one link per attachment; nothing when there are none. */
export function AttachmentList(p: { items: { number: number; title: string }[]; href: (n: number) => string }) {
  if (p.items.length === 0) return null;
  return (
    <>
      <h2>{t.reply.attachments}</h2>
      <ul>
        {p.items.map((a) => (
          <li>
            <a href={p.href(a.number)}>{t.reply.attachment(a.number, a.title)}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** "Sak 12/2017 Title" (the fixed opening and closing items carry no number). */
export function CaseHeading(p: { number: string | null; title: string }) {
  return (
    <h3>
      {p.number ? t.archive.case(p.number) : ""}
      {p.title}
    </h3>
  );
}
