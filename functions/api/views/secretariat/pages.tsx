import type { Attachment, AgendaItem, Body, Meeting, Member, Organisation } from "../../../../shared/domain/model.js";
import { formatMeetingTime, formatOsloDateTime, utcToOsloLocal } from "../../../../shared/domain/oslo-time.js";
import type { SeatView } from "../../../../shared/domain/replies.js";
import type { Minutes } from "../../../../shared/minutes/minutes.js";
import { attendeeLine } from "../../../../shared/minutes/minutes.js";
import { ErrorSummary, Field, Shell } from "./shell.js";

/** The secretariat's pages (Norwegian, server-rendered, every action works without JavaScript). */

type Frame = { user?: string; csrf: string };
const Csrf = (p: { csrf: string }) => <input type="hidden" name="csrf" value={p.csrf} />;

const statusNames: Record<Meeting["status"], string> = {
  draft: "Utkast",
  invited: "Innkalt",
  held: "Avholdt",
  minutes_approved: "Referat godkjent",
  minutes_sent: "Referat sendt",
  cancelled: "Avlyst",
};

export function Overview(p: Frame & {
  bodies: Body[];
  upcoming: (Meeting & { bodyName: string })[];
  past: (Meeting & { bodyName: string })[];
  attention: { href: string; text: string }[];
}) {
  return (
    <Shell title="Oversikt" user={p.user} csrf={p.csrf}>
      <h1>Oversikt</h1>
      <h2>Trenger oppmerksomhet</h2>
      {p.attention.length === 0 ? (
        <p>Ingenting akkurat nå.</p>
      ) : (
        <ul>
          {p.attention.map((a) => (
            <li>
              <a href={a.href}>{a.text}</a>
            </li>
          ))}
        </ul>
      )}
      <h2>Kommende møter</h2>
      <MeetingList meetings={p.upcoming} />
      <p>
        <a class="button" href="/moter/ny">
          Nytt møte
        </a>
      </p>
      <h2>Organ</h2>
      <ul>
        {p.bodies.map((b) => (
          <li>
            <a href={`/organ/${b.id}`}>{b.name}</a> ({b.shortName})
          </li>
        ))}
      </ul>
      <h2>Tidligere møter</h2>
      <MeetingList meetings={p.past} />
    </Shell>
  );
}

function MeetingList(p: { meetings: (Meeting & { bodyName: string })[] }) {
  if (p.meetings.length === 0) return <p>Ingen.</p>;
  return (
    <ul>
      {p.meetings.map((m) => (
        <li>
          <a href={`/moter/${m.id}`}>
            {m.bodyName}: {m.title}
          </a>{" "}
          – {formatMeetingTime(m.startsAt, m.endsAt)} ({statusNames[m.status]})
        </li>
      ))}
    </ul>
  );
}

export function MembersPage(p: Frame & {
  body: Body;
  members: Member[];
  organisations: Organisation[];
  values?: Record<string, string>;
  errors?: Record<string, string>;
  csv?: string;
  preview?: { line: number; name: string; email: string; organisation?: string; role: string; change: string; problem?: string }[];
  importErrors?: { field: string; message: string }[];
  notice?: string;
}) {
  const v = p.values ?? {};
  const errors = p.errors ?? {};
  const roleNames: Record<string, string> = { member: "Medlem", deputy: "Varamedlem", observer: "Observatør", secretariat: "Sekretariat" };
  return (
    <Shell title={p.body.name} user={p.user} csrf={p.csrf}>
      <h1>{p.body.name}: medlemmer</h1>
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      <p>
        <a href={`/moter/ny?organ=${p.body.id}`}>Nytt møte i {p.body.name}</a>
      </p>
      <table>
        <caption class="visually-hidden">Distribusjonsliste</caption>
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">Organisasjon</th>
            <th scope="col">Rolle</th>
            <th scope="col">Endre</th>
          </tr>
        </thead>
        <tbody>
          {p.members.map((m) => (
            <tr>
              <td>
                {m.personName}
                <br />
                <span class="muted">{m.personEmail}</span>
              </td>
              <td>{m.organisationName ?? "–"}</td>
              <td>{roleNames[m.role]}</td>
              <td>
                <form method="post" action={`/organ/${p.body.id}/medlemmer/${m.id}`} style="display:flex;gap:.5rem;flex-wrap:wrap;align-items:end">
                  <Csrf csrf={p.csrf} />
                  <label for={`rolle-${m.id}`} class="visually-hidden">
                    Rolle for {m.personName}
                  </label>
                  <select id={`rolle-${m.id}`} name="role">
                    {Object.entries(roleNames).map(([k, label]) => (
                      <option value={k} selected={m.role === k}>
                        {label}
                      </option>
                    ))}
                  </select>
                  <button type="submit" name="action" value="save" class="secondary">
                    Lagre
                  </button>
                  <button type="submit" name="action" value="remove" class="secondary">
                    Fjern
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Legg til medlem</h2>
      <form method="post" action={`/organ/${p.body.id}/medlemmer`}>
        <Csrf csrf={p.csrf} />
        <ErrorSummary errors={errors} />
        <Field name="name" label="Navn" value={v.name} errors={errors} required />
        <Field name="email" label="E-post" type="email" value={v.email} errors={errors} required />
        <label for="organisationId">Organisasjon</label>
        <select id="organisationId" name="organisationId">
          <option value="">(ingen)</option>
          {p.organisations.map((o) => (
            <option value={o.id} selected={v.organisationId === o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <label for="role">Rolle</label>
        <select id="role" name="role">
          {Object.entries(roleNames).map(([k, label]) => (
            <option value={k} selected={(v.role ?? "member") === k}>
              {label}
            </option>
          ))}
        </select>
        <p>
          <button type="submit">Legg til</button>
        </p>
      </form>

      <h2>Importer fra regneark (CSV)</h2>
      <form method="post" action={`/organ/${p.body.id}/import`}>
        <Csrf csrf={p.csrf} />
        <label for="csv">CSV med kolonnene name, email, organisation, role</label>
        <p class="muted" id="csv-hint">
          Komma eller semikolon. Alle rader sjekkes først; er én rad feil, importeres ingenting.
        </p>
        <textarea id="csv" name="csv" aria-describedby="csv-hint" style="min-height:8rem">
          {p.csv ?? ""}
        </textarea>
        {p.importErrors && p.importErrors.length > 0 && (
          <div class="errors" role="alert">
            <p class="error">Filen kan ikke importeres:</p>
            <ul>
              {p.importErrors.map((e) => (
                <li>
                  {e.field}: {e.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        <p>
          <button type="submit" name="step" value="preview" class="secondary">
            Forhåndsvis
          </button>{" "}
          {p.preview && !p.preview.some((r) => r.change === "error") && (
            <button type="submit" name="step" value="confirm">
              Bekreft import
            </button>
          )}
        </p>
      </form>
      {p.preview && (
        <table>
          <caption>Dette vil endres</caption>
          <thead>
            <tr>
              <th scope="col">Rad</th>
              <th scope="col">Navn</th>
              <th scope="col">Organisasjon</th>
              <th scope="col">Endring</th>
            </tr>
          </thead>
          <tbody>
            {p.preview.map((r) => (
              <tr>
                <td>{r.line}</td>
                <td>
                  {r.name} ({r.email})
                </td>
                <td>{r.organisation ?? "–"}</td>
                <td>{{ add: "Legges til", update: "Oppdateres", unchanged: "Uendret", error: r.problem ?? "Feil" }[r.change]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Shell>
  );
}

export function NewMeetingPage(p: Frame & { bodies: Body[]; values: Record<string, string>; errors: Record<string, string> }) {
  return (
    <Shell title="Nytt møte" user={p.user} csrf={p.csrf}>
      <h1>Nytt møte</h1>
      <form method="post" action="/moter">
        <Csrf csrf={p.csrf} />
        <ErrorSummary errors={p.errors} />
        <label for="bodyId">Organ</label>
        <select id="bodyId" name="bodyId">
          {p.bodies.map((b) => (
            <option value={b.id} selected={p.values.bodyId === b.id}>
              {b.name}
            </option>
          ))}
        </select>
        <MeetingFields values={p.values} errors={p.errors} />
        <p>
          <button type="submit">Opprett møtet</button>
        </p>
      </form>
    </Shell>
  );
}

function MeetingFields(p: { values: Record<string, string>; errors: Record<string, string> }) {
  const v = p.values;
  return (
    <>
      <Field name="title" label="Tittel" value={v.title} errors={p.errors} required />
      <Field name="startsAt" label="Start (norsk tid)" type="datetime-local" value={v.startsAt} errors={p.errors} required />
      <Field name="endsAt" label="Slutt (norsk tid)" type="datetime-local" value={v.endsAt} errors={p.errors} required />
      <Field name="place" label="Sted" value={v.place} errors={p.errors} required />
      <label for="kind">Møteform</label>
      <select id="kind" name="kind">
        {[
          ["physical", "Fysisk"],
          ["digital", "Digitalt"],
          ["hybrid", "Hybrid"],
        ].map(([k, label]) => (
          <option value={k} selected={(v.kind ?? "physical") === k}>
            {label}
          </option>
        ))}
      </select>
      <Field name="replyDeadline" label="Svarfrist (norsk tid, valgfri)" type="datetime-local" value={v.replyDeadline} errors={p.errors} />
    </>
  );
}

export function MeetingEditor(p: Frame & {
  meeting: Meeting;
  body: Body;
  agenda: AgendaItem[];
  attachments: Attachment[];
  nextNumber: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  itemValues?: Record<string, string>;
  itemErrors?: Record<string, string>;
  notice?: string;
}) {
  const m = p.meeting;
  const values = p.values ?? {
    title: m.title,
    startsAt: utcToOsloLocal(m.startsAt),
    endsAt: utcToOsloLocal(m.endsAt),
    place: m.place,
    kind: m.kind,
    replyDeadline: m.replyDeadline ? utcToOsloLocal(m.replyDeadline) : "",
  };
  const cases = p.agenda.filter((i) => i.kind !== "opening" && i.kind !== "closing");
  return (
    <Shell title={m.title} user={p.user} csrf={p.csrf}>
      <h1>
        {p.body.name}: {m.title}
      </h1>
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      <p>
        {formatMeetingTime(m.startsAt, m.endsAt)} · {m.place} · <strong>{statusNames[m.status]}</strong>
      </p>
      <nav aria-label="Møtet" style="display:flex;gap:1rem;flex-wrap:wrap">
        <a href={`/moter/${m.id}/send`}>Forhåndsvis og send innkalling</a>
        <a href={`/moter/${m.id}/svar`}>Svar per kommune</a>
        <a href={`/moter/${m.id}/referat`}>Referat</a>
      </nav>

      <h2>Saksliste</h2>
      <ol class="agenda" style="list-style:none;padding:0">
        {p.agenda.map((item) => {
          const idx = cases.findIndex((c) => c.id === item.id);
          return (
            <li style="border-bottom:1px solid var(--line);padding:.5rem 0">
              <details>
                <summary>
                  <strong>{item.number ? `Sak ${item.number}` : item.kind === "opening" ? "Åpning" : "Avslutning"}</strong> {item.title}
                </summary>
                <form method="post" action={`/moter/${m.id}/saker/${item.id}`}>
                  <Csrf csrf={p.csrf} />
                  <Field idPrefix={`sak-${item.id}-`} name="title" label="Tittel" value={item.title} errors={{}} />
                  <Field idPrefix={`sak-${item.id}-`} name="background" label="Saksframstilling" value={item.background} errors={{}} textarea />
                  <Field idPrefix={`sak-${item.id}-`} name="proposedDecision" label="Forslag til vedtak" value={item.proposedDecision} errors={{}} textarea />
                  <Field
                    idPrefix={`sak-${item.id}-`}
                    name="subItems"
                    label="Underpunkter"
                    hint="Én linje per punkt: «A Tittel», og kulepunkter under med «- tekst»."
                    value={item.subItems.map((s) => [`${s.letter} ${s.title}`, ...s.bullets.map((b) => `- ${b}`)].join("\n")).join("\n")}
                    errors={{}}
                    textarea
                  />
                  <Field idPrefix={`sak-${item.id}-`} name="attachmentNumbers" label="Vedlegg (numre, f.eks. 1+2)" value={item.attachmentNumbers.join("+")} errors={{}} />
                  <button type="submit">Lagre saken</button>
                </form>
              </details>
              {idx >= 0 && (
                <form method="post" action={`/moter/${m.id}/saker/${item.id}/flytt`} style="display:inline-flex;gap:.5rem;margin-top:.25rem">
                  <Csrf csrf={p.csrf} />
                  <button type="submit" name="position" value={String(Math.max(0, idx - 1))} class="secondary" disabled={idx === 0} aria-label={`Flytt «${item.title}» opp`}>
                    Opp
                  </button>
                  <button type="submit" name="position" value={String(idx + 1)} class="secondary" disabled={idx === cases.length - 1} aria-label={`Flytt «${item.title}» ned`}>
                    Ned
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ol>

      <h3>Ny sak (blir sak {p.nextNumber})</h3>
      <form method="post" action={`/moter/${m.id}/saker`}>
        <Csrf csrf={p.csrf} />
        <ErrorSummary errors={p.itemErrors ?? {}} idPrefix="ny-" />
        <Field idPrefix="ny-" name="title" label="Tittel" value={p.itemValues?.title} errors={p.itemErrors ?? {}} required />
        <label for="itemKind">Type</label>
        <select id="itemKind" name="kind">
          {[
            ["decision", "Vedtakssak"],
            ["information", "Til orientering"],
            ["opening", "Åpning (godkjenning av innkalling og dagsorden)"],
            ["closing", "Avslutning (eventuelt)"],
          ].map(([k, label]) => (
            <option value={k} selected={(p.itemValues?.kind ?? "decision") === k}>
              {label}
            </option>
          ))}
        </select>
        <Field idPrefix="ny-" name="background" label="Saksframstilling" value={p.itemValues?.background} errors={p.itemErrors ?? {}} textarea />
        <Field idPrefix="ny-" name="proposedDecision" label="Forslag til vedtak" value={p.itemValues?.proposedDecision} errors={p.itemErrors ?? {}} textarea />
        <p>
          <button type="submit">Legg til saken</button>
        </p>
      </form>

      <h2>Vedlegg</h2>
      {p.attachments.length > 0 ? (
        <ul>
          {p.attachments.map((a) => (
            <li>
              Vedlegg {a.number}: {a.title} ({a.filename}, {Math.ceil(a.size / 1024)} kB){" "}
              <form method="post" action={`/moter/${m.id}/vedlegg/${a.number}/unntak`} style="display:inline">
                <Csrf csrf={p.csrf} />
                <input type="hidden" name="exempt" value={a.exempt ? "false" : "true"} />
                <button type="submit" class="secondary">
                  {a.exempt ? "Unntatt offentlighet – gjør offentlig" : "Unnta fra offentlighet"}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p>Ingen vedlegg ennå.</p>
      )}
      <form method="post" action={`/moter/${m.id}/vedlegg`} enctype="multipart/form-data">
        <Csrf csrf={p.csrf} />
        <Field name="attachmentTitle" label="Tittel på vedlegget" errors={p.errors ?? {}} />
        <label for="file">Fil (PDF, Office, ODT, tekst, bilde; høyst 20 MB)</label>
        <input type="file" id="file" name="file" />
        {p.errors?.file && (
          <p class="error" id="file-feil">
            {p.errors.file}
          </p>
        )}
        <div class="choice">
          <input type="checkbox" id="exempt" name="exempt" value="true" />
          <label for="exempt">Unntatt offentlighet</label>
        </div>
        <p>
          <button type="submit">Last opp</button>
        </p>
      </form>

      <h2>Møtedetaljer</h2>
      <form method="post" action={`/moter/${m.id}`}>
        <Csrf csrf={p.csrf} />
        <ErrorSummary errors={p.errors ?? {}} />
        <MeetingFields values={values} errors={p.errors ?? {}} />
        <p>
          <button type="submit">Lagre detaljene</button>
        </p>
      </form>

      <h2>Publisering</h2>
      <form method="post" action={`/moter/${m.id}/publiser`}>
        <Csrf csrf={p.csrf} />
        <input type="hidden" name="published" value={m.published ? "false" : "true"} />
        <p>{m.published ? "Møtet er publisert i arkivet." : "Møtet er ikke publisert."}</p>
        <button type="submit" class="secondary">
          {m.published ? "Fjern fra arkivet" : "Publiser i arkivet"}
        </button>
      </form>
    </Shell>
  );
}

export function SendPage(p: Frame & { meeting: Meeting; body: Body; recipients: number; previewUrl?: string; previewPending: boolean; sends: { id: string; template: string; createdAt: string; total: number }[] }) {
  return (
    <Shell title="Send innkalling" user={p.user} csrf={p.csrf}>
      <h1>Send innkalling: {p.meeting.title}</h1>
      <h2>Forhåndsvisning</h2>
      {p.previewUrl ? (
        <iframe title="Forhåndsvisning av innkallingen" src={p.previewUrl} style="width:100%;min-height:40rem;border:1px solid var(--line)" />
      ) : (
        <p class="notice" role="status">
          Forhåndsvisningen lages… <a href={`/moter/${p.meeting.id}/send`}>Oppdater</a>
          {p.previewPending && <meta http-equiv="refresh" content="2" />}
        </p>
      )}
      <h2>Send</h2>
      <form method="post" action={`/moter/${p.meeting.id}/send`}>
        <Csrf csrf={p.csrf} />
        <input type="hidden" name="idempotencyKey" value={`${p.meeting.id}-${p.meeting.version}-${Date.now()}`} />
        <p>
          Innkallingen sendes til <strong>{p.recipients}</strong> mottakere på listen til {p.body.name}.
        </p>
        <div class="choice">
          <input type="checkbox" id="confirm" name="confirm" value="yes" required aria-describedby="confirm-hint" />
          <label for="confirm">Jeg har sett over innkallingen og vil sende den nå</label>
        </div>
        <p class="muted" id="confirm-hint">
          Sendes innkallingen på nytt etter en endring, får alle en oppdatert kalenderinvitasjon.
        </p>
        <button type="submit">Send innkallingen</button>
      </form>
      {p.sends.length > 0 && (
        <>
          <h2>Tidligere utsendelser</h2>
          <ul>
            {p.sends.map((s) => (
              <li>
                <a href={`/utsendelser/${s.id}`}>
                  {formatOsloDateTime(s.createdAt)}: {s.template} til {s.total}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Shell>
  );
}

export function ProgressPage(p: Frame & { progress: { id: string; meetingId: string; total: number; queued: number; sent: number; failed: number; bounced: number; done: boolean; failures: { name: string; email: string; reason: string }[] } }) {
  const pr = p.progress;
  const pct = pr.total ? Math.round(((pr.total - pr.queued) / pr.total) * 100) : 100;
  return (
    <Shell title="Utsendelse" user={p.user} csrf={p.csrf}>
      {!pr.done && <meta http-equiv="refresh" content="3" />}
      <h1>Utsendelse</h1>
      <label for="fremdrift">Fremdrift</label>
      <progress id="fremdrift" max={pr.total} value={pr.total - pr.queued} data-progress-url={`/api/sends/${pr.id}`}>
        {pct} %
      </progress>
      <p role="status" id="fremdrift-tekst">
        {pr.sent} av {pr.total} sendt · {pr.queued} i kø · {pr.failed} feilet · {pr.bounced} avvist
        {pr.done ? " · ferdig" : ""}
      </p>
      {pr.failures.length > 0 && (
        <>
          <h2>Feil</h2>
          <ul>
            {pr.failures.map((f) => (
              <li>
                {f.name} ({f.email}): {f.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={`/moter/${pr.meetingId}/svar`}>Til svarene</a> · <a href={`/moter/${pr.meetingId}`}>Til møtet</a>
      </p>
      <script
        dangerouslySetInnerHTML={{
          __html: `(()=>{const p=document.getElementById("fremdrift");const t=document.getElementById("fremdrift-tekst");if(!p||${pr.done})return;const tick=async()=>{const r=await fetch(p.dataset.progressUrl,{credentials:"same-origin"});if(!r.ok)return;const s=await r.json();p.max=s.total;p.value=s.total-s.queued;t.textContent=s.sent+" av "+s.total+" sendt · "+s.queued+" i kø · "+s.failed+" feilet · "+s.bounced+" avvist"+(s.done?" · ferdig":"");if(s.done)location.reload();else setTimeout(tick,1000)};setTimeout(tick,1000)})();`,
        }}
      />
    </Shell>
  );
}

const seatStatus: Record<SeatView["status"], [string, string]> = {
  attending: ["Kommer", "#1d6b2f"],
  substitute: ["Stedfortreder", "#0b4f8a"],
  absent: ["Forfall", "#8a4b00"],
  no_answer: ["Ikke svart", "#a4161a"],
  bounced: ["E-post avvist", "#a4161a"],
  withdrawn: ["Trukket", "#4a4a4a"],
};

export function BoardPage(p: Frame & {
  meeting: Meeting;
  board: { organisations: { organisation: string; answered: boolean; seats: SeatView[] }[]; totals: Record<string, number> };
  filter?: string;
  notice?: string;
}) {
  const t = p.board.totals;
  const orgs = p.filter === "ubesvart" ? p.board.organisations.filter((o) => !o.answered) : p.board.organisations;
  return (
    <Shell title="Svar per kommune" user={p.user} csrf={p.csrf}>
      <h1>Svar: {p.meeting.title}</h1>
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      <p>
        {t.organisationsAnswered} av {t.organisations} organisasjoner har svart · {t.attending} kommer · {t.substitute} stedfortreder · {t.absent} forfall ·{" "}
        {t.noAnswer} ikke svart · {t.bounced} e-post avvist
      </p>
      <p>
        {p.filter === "ubesvart" ? <a href={`/moter/${p.meeting.id}/svar`}>Vis alle</a> : <a href={`/moter/${p.meeting.id}/svar?filter=ubesvart`}>Vis bare de som ikke har svart</a>}
      </p>
      <form method="post" action={`/moter/${p.meeting.id}/paminnelse`}>
        <Csrf csrf={p.csrf} />
        <button type="submit" class="secondary">
          Send påminnelse til dem som ikke har svart
        </button>
      </form>
      {orgs.map((o) => (
        <section>
          <h2>{o.organisation}</h2>
          <ul style="list-style:none;padding:0">
            {o.seats.map((s) => (
              <li style="padding:.4rem 0;border-bottom:1px solid var(--line)">
                <span style={`display:inline-block;min-width:8rem;font-weight:600;color:${seatStatus[s.status][1]}`}>{seatStatus[s.status][0]}</span> {s.label}
                {s.reason ? ` (${s.reason})` : ""}
                <details>
                  <summary>Registrer svar for {s.name}</summary>
                  <form method="post" action={`/moter/${p.meeting.id}/svar/${s.invitationId}`}>
                    <Csrf csrf={p.csrf} />
                    <label for={`status-${s.invitationId}`}>Svar</label>
                    <select id={`status-${s.invitationId}`} name="status">
                      <option value="attending">Kommer</option>
                      <option value="absent">Forfall</option>
                      <option value="substitute">Sender stedfortreder</option>
                    </select>
                    <label for={`reason-${s.invitationId}`}>Grunn / merknad</label>
                    <input type="text" id={`reason-${s.invitationId}`} name="reason" />
                    <label for={`subname-${s.invitationId}`}>Stedfortreders navn</label>
                    <input type="text" id={`subname-${s.invitationId}`} name="substituteName" />
                    <label for={`subemail-${s.invitationId}`}>Stedfortreders e-post</label>
                    <input type="email" id={`subemail-${s.invitationId}`} name="substituteEmail" />
                    <p>
                      <button type="submit">Registrer</button>
                    </p>
                  </form>
                </details>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Shell>
  );
}

export function MinutesPage(p: Frame & { meeting: Meeting; minutes: Minutes & { distribution?: { status: string; dueAt: string; lastError?: string; finishedAt?: string } }; errors?: Record<string, string>; notice?: string }) {
  const mn = p.minutes;
  const locked = mn.status === "approved";
  const errors = p.errors ?? {};
  return (
    <Shell title="Referat" user={p.user} csrf={p.csrf}>
      <h1>Referat: {p.meeting.title}</h1>
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      <p>
        Status: <strong>{locked ? "Godkjent" : "Utkast"}</strong>
        {mn.approvedAt ? ` (godkjent ${formatOsloDateTime(mn.approvedAt)})` : ""}
        {mn.distribution
          ? ` · Utsendelse ${mn.distribution.status === "done" ? `kjørt ${formatOsloDateTime(mn.distribution.finishedAt ?? mn.distribution.dueAt)}` : mn.distribution.status === "pending" ? `planlagt ${formatOsloDateTime(mn.distribution.dueAt)}` : mn.distribution.status}`
          : ""}
        {mn.distribution?.lastError ? ` · Feil: ${mn.distribution.lastError}` : ""}
      </p>
      <form method="post" action={`/moter/${p.meeting.id}/referat`}>
        <Csrf csrf={p.csrf} />
        <ErrorSummary errors={errors} />
        <Field name="startedAt" label="Møtet startet (norsk tid)" type="datetime-local" value={utcToOsloLocal(mn.startedAt)} errors={errors} />
        <Field name="endedAt" label="Møtet sluttet (norsk tid)" type="datetime-local" value={utcToOsloLocal(mn.endedAt)} errors={errors} />
        <Field name="place" label="Sted" value={mn.place} errors={errors} />
        <Field name="present" label="Til stede" hint="Én per linje: «Navn, Kommune» eller «Stedfortreder for Medlem, Kommune»." value={mn.present.map(attendeeLine).join("\n")} errors={errors} textarea />
        <Field name="secretariat" label="Sekretariatet" hint="Én per linje." value={mn.secretariat.join("\n")} errors={errors} textarea />
        <Field name="absent" label="Forfall" hint="Én per linje: «Navn, Kommune»." value={mn.absent.map(attendeeLine).join("\n")} errors={errors} textarea />
        {mn.items.map((i, n) => (
          <fieldset>
            <legend>
              {i.number ? `Sak ${i.number} ` : ""}
              {i.title}
            </legend>
            <input type="hidden" name={`item${n}.itemId`} value={i.itemId} />
            <Field name={`item${n}.text`} label="Tekst" value={i.text} errors={errors} textarea />
            <Field name={`item${n}.decision`} label="Vedtak" value={i.decision} errors={errors} textarea />
            <label for={`item${n}.status`}>Status</label>
            <select id={`item${n}.status`} name={`item${n}.status`}>
              {[
                ["decided", "Vedtatt"],
                ["noted", "Tatt til orientering"],
                ["postponed", "Utsatt"],
              ].map(([k, label]) => (
                <option value={k} selected={i.status === k}>
                  {label}
                </option>
              ))}
            </select>
          </fieldset>
        ))}
        {locked && <Field name="correctionReason" label="Grunn til rettelse (referatet er godkjent)" errors={errors} />}
        <p>
          <button type="submit">Lagre referatet</button>
        </p>
      </form>
      {!locked && (
        <form method="post" action={`/moter/${p.meeting.id}/referat/godkjenn`}>
          <Csrf csrf={p.csrf} />
          <button type="submit">Godkjenn referatet</button>
        </form>
      )}
      {locked && (
        <form method="post" action={`/moter/${p.meeting.id}/referat/planlegg`}>
          <Csrf csrf={p.csrf} />
          <h2>Send referatet</h2>
          <Field name="at" label="Tidspunkt (norsk tid)" type="datetime-local" value={mn.scheduledFor ? utcToOsloLocal(mn.scheduledFor) : ""} errors={errors} />
          <p>
            <button type="submit">{mn.scheduledFor ? "Flytt utsendelsen" : "Planlegg utsendelsen"}</button>
          </p>
        </form>
      )}
    </Shell>
  );
}
