// The participant's page: the meeting, the agenda, and the reply form (works without JavaScript).
import { type ReplyTexts, replyTexts } from "../../shared/i18n/reply-texts.js";
import type { Invitation, Meeting } from "../../shared/model.js";
import type { PageContent } from "../../shared/store/participant.js";
import { formatMeetingTime, formatOsloDateTime } from "../../shared/time.js";
import { Page } from "../../shared/web/layout.js";

export interface ReplyPageProps {
  token: string;
  csrf: string;
  meeting: Meeting;
  body: PageContent["body"];
  agenda: PageContent["agenda"];
  attachments: PageContent["attachments"];
  invitation: Invitation;
  open: boolean;
  saved?: boolean;
  /** The values to show in the form (what was posted, when it had errors). */
  values?: Record<string, string>;
  errors?: Record<string, string>;
}

export function ReplyPage(p: ReplyPageProps) {
  const m = replyTexts(p.body.language);
  const inv = p.invitation;
  const reply = inv.reply;
  const values = p.values ?? {
    status: reply?.status ?? "",
    reason: reply?.reason ?? "",
    substituteName: reply?.substitute?.name ?? "",
    substituteEmail: reply?.substitute?.email ?? "",
    substituteRole: reply?.substitute?.role ?? "",
  };
  const errors = p.body.language === "nn" ? inLanguage(p.errors ?? {}, m) : (p.errors ?? {});
  const errorEntries = Object.entries(errors);
  const described = (field: string) => describedBy(errors, field);
  const errorLine = (field: string) => errorLineOf(errors, field);
  const title = `${p.body.name}: ${p.meeting.title}`;
  return (
    <Page title={m.pageTitle(title)} scripts={["reply-form.js"]} lang={p.body.language}>
      <h1>{title}</h1>
      {p.saved && (
        <p class="notice" role="status">
          {m.saved}
        </p>
      )}
      <p>{m.greeting(inv.name)}</p>
      {inv.substituteFor && <p class="notice">{m.substituteFor(inv.substituteFor.name, inv.organisationName)}</p>}
      {p.meeting.status === "cancelled" && <p class="notice">{m.cancelled}</p>}
      <dl class="facts">
        <dt>{m.time}</dt>
        <dd>{formatMeetingTime(p.meeting.startsAt, p.meeting.endsAt)}</dd>
        <dt>{m.place}</dt>
        <dd>{p.meeting.place}</dd>
        {p.meeting.replyDeadline && (
          <>
            <dt>{m.deadline}</dt>
            <dd>{formatOsloDateTime(p.meeting.replyDeadline)}</dd>
          </>
        )}
      </dl>

      <h2>{m.yourReply}</h2>
      <p>
        {!reply
          ? m.noReplyYet
          : reply.status === "substitute"
            ? m.current.substitute(reply.substitute?.name ?? "")
            : m.current[reply.status]}
      </p>

      {p.open ? (
        // With JavaScript (static/reply-form.js), only the fields of the chosen answer are shown; without it, all are.
        <form method="post" action={`/r/${p.token}`} novalidate data-reply-form>
          <input type="hidden" name="csrf" value={p.csrf} />
          {errorEntries.length > 0 && (
            <div class="errors" role="alert" tabindex={-1} id="feil">
              <p class="error">{m.errorsHeading}</p>
              <ul>
                {errorEntries.map(([field, message]) => (
                  <li>
                    <a href={`#${field === "status" ? "svar-attending" : field}`}>{message}</a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <fieldset {...(errors.status ? { "aria-describedby": "status-feil" } : {})}>
            <legend>{m.legend}</legend>
            {errorLine("status")}
            {/* A substitute comes or sends forfall; naming someone else is the member's to do. */}
            {(inv.substituteFor ? (["attending", "absent"] as const) : (["attending", "absent", "substitute"] as const)).map(
              (s) => (
                <div class="choice">
                  <input type="radio" name="status" id={`svar-${s}`} value={s} checked={values.status === s} />
                  <label for={`svar-${s}`}>{inv.substituteFor && s !== "substitute" ? m.page.substituteChoices[s] : m[s]}</label>
                </div>
              ),
            )}
          </fieldset>
          <fieldset data-when="absent">
            <legend>{m.absent}</legend>
            <label for="reason">{m.reason}</label>
            <textarea id="reason" name="reason" maxlength={500} {...described("reason")}>
              {values.reason}
            </textarea>
            {errorLine("reason")}
          </fieldset>
          {!inv.substituteFor && <SubstituteFields values={values} errors={errors} m={m} />}
          <button type="submit">{reply ? m.change : m.submit}</button>
        </form>
      ) : (
        <p class="notice">
          {m.closed} {m.contact(p.body.secretariat.name, p.body.secretariat.email, p.body.secretariat.phone)}
        </p>
      )}

      <h2>{m.agenda}</h2>
      <ul class="agenda">
        {p.agenda.map((item) => (
          <li>
            {item.number ? `Sak ${item.number} ` : ""}
            {item.title}
            {item.withdrawn && <strong> – {m.page.caseWithdrawn}</strong>}
          </li>
        ))}
      </ul>
      <AttachmentList items={p.attachments} href={(n) => `/a/${p.token}/${n}`} m={m} />
    </Page>
  );
}

const describedBy = (errors: Record<string, string>, field: string) =>
  errors[field] ? { "aria-describedby": `${field}-feil`, "aria-invalid": "true" } : {};

/** The field's error, with the id its input's aria-describedby names. */
const errorLineOf = (errors: Record<string, string>, field: string) =>
  errors[field] && (
    <p class="error" id={`${field}-feil`}>
      {errors[field]}
    </p>
  );

/** The member's substitute fields (a substitute names nobody). */
function SubstituteFields({
  values,
  errors,
  m,
}: {
  values: Record<string, string>;
  errors: Record<string, string>;
  m: ReplyTexts;
}) {
  const described = (field: string) => describedBy(errors, field);
  const errorLine = (field: string) => errorLineOf(errors, field);
  return (
    <fieldset data-when="substitute">
      <legend>{m.substitute}</legend>
      <p class="muted" id="substitute-hint">
        {m.substituteEmailHint}
      </p>
      <label for="substituteName">{m.substituteName}</label>
      <input
        type="text"
        id="substituteName"
        name="substituteName"
        value={values.substituteName}
        autocomplete="name"
        {...described("substituteName")}
      />
      {errorLine("substituteName")}
      <label for="substituteEmail">{m.substituteEmail}</label>
      <input
        type="email"
        id="substituteEmail"
        name="substituteEmail"
        value={values.substituteEmail}
        autocomplete="email"
        {...(errors.substituteEmail
          ? { "aria-describedby": "substituteEmail-feil substitute-hint", "aria-invalid": "true" }
          : { "aria-describedby": "substitute-hint" })}
      />
      {errorLine("substituteEmail")}
      <label for="substituteRole">{m.substituteRole}</label>
      <input
        type="text"
        id="substituteRole"
        name="substituteRole"
        value={values.substituteRole}
        {...described("substituteRole")}
      />
      {errorLine("substituteRole")}
    </fieldset>
  );
}

/** "Vedlegg" and one link per attachment (through the personal link); nothing when there are none. */
function AttachmentList(p: { items: { number: number; title: string }[]; href: (n: number) => string; m: ReplyTexts }) {
  if (p.items.length === 0) return null;
  return (
    <>
      <h2>{p.m.attachments}</h2>
      <ul>
        {p.items.map((a) => (
          <li>
            <a href={p.href(a.number)}>{p.m.attachment(a.number, a.title)}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The form's errors are worded in bokmål where they are found (before the page's language is read):
 * said here in the page's language.
 */
function inLanguage(errors: Record<string, string>, m: ReplyTexts): Record<string, string> {
  const nb = replyTexts();
  const known = new Map<string, string>([
    [nb.chooseOne, m.chooseOne],
    [nb.page.formErrors.substituteName, m.page.formErrors.substituteName],
    [nb.page.formErrors.substituteEmail, m.page.formErrors.substituteEmail],
  ]);
  const say = (v: string) => {
    const max = /^Kan ha høyst (\d+) tegn\.$/.exec(v)?.[1];
    return known.get(v) ?? (max ? m.page.formErrors.tooLong(Number(max)) : v);
  };
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, say(v)]));
}
