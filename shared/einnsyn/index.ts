/**
 * eInnsyn-ready export: a body's published meetings as JSON-LD in the Noark 5 arkivstruktur
 * vocabulary eInnsyn reads for meeting records (møtemappe, møtesaksregistrering,
 * møtedokumentregistrering, dokumentbeskrivelse, dokumentobjekt). Shapes follow Digdir's examples
 * (felleslosninger/docs, resources/einnsyn/eksempelfiler/5_Møte_allefelter_jsonld-compacted-*.jsonld,
 * and "Utvida møteavlevering": a decision is a dokumentbeskrivelse of dokumenttype «Vedtak»).
 * A pure mapping: the caller passes only what the public archive shows (exempt attachments are
 * never given to it, and it drops any that are).
 */
import type { AgendaItem, Attachment, Body, Meeting, Minutes } from "../model.js";
import { utcToOsloLocal } from "../time.js";

const NOARK = "http://www.arkivverket.no/standarder/noark5/arkivstruktur/";
const XSD = "http://www.w3.org/2001/XMLSchema#";

export interface PublishedMeeting {
  meeting: Meeting;
  agenda: AgendaItem[];
  attachments: Attachment[];
  minutes?: Minutes;
}

type Node = { "@id": string; "@type": string } & Record<string, unknown>;
const ref = (id: string) => ({ "@id": id });
const integer = (n: number) => ({ "@type": "xsd:integer", "@value": String(n) });
const dateTime = (utc: string) => ({ "@type": "xsd:dateTime", "@value": `${utcToOsloLocal(utc)}:00${osloOffset(utc)}` });

/** Oslo's offset from UTC at that moment ("+01:00" in winter, "+02:00" in summer). */
function osloOffset(utc: string): string {
  const local = new Date(`${utcToOsloLocal(utc)}:00Z`).getTime();
  const hours = Math.round((local - new Date(utc).getTime()) / 3_600_000);
  return `+0${hours}:00`;
}

/** "12/2017" → sequence 12, year 2017. */
function caseNumber(number: string): { year: number; sequence: number } | undefined {
  const m = /^(\d+)\/(\d{4})$/.exec(number);
  return m ? { sequence: Number(m[1]), year: Number(m[2]) } : undefined;
}

/** The whole export of one body: every published meeting with its cases and public documents. */
export function einnsynExport(body: Body, meetings: PublishedMeeting[], baseUrl: string) {
  const base = baseUrl.replace(/\/$/, "");
  const graph: Node[] = [];
  const sorted = [...meetings].sort((a, b) => a.meeting.startsAt.localeCompare(b.meeting.startsAt));
  for (const m of sorted) graph.push(...meetingNodes(body, m, base, meetingNumber(m.meeting, sorted)));
  return {
    "@context": { "@vocab": NOARK, xsd: XSD },
    "@id": `${base}/arkiv/${body.id}/einnsyn.jsonld`,
    "@graph": graph,
  };
}

/** "2017-3": the meeting's place among the body's published meetings of its year (stable once published in order). */
function meetingNumber(meeting: Meeting, all: PublishedMeeting[]): string {
  const year = utcToOsloLocal(meeting.startsAt).slice(0, 4);
  const ofYear = all.filter((x) => utcToOsloLocal(x.meeting.startsAt).startsWith(year));
  return `${year}-${ofYear.findIndex((x) => x.meeting.id === meeting.id) + 1}`;
}

function meetingNodes(body: Body, p: PublishedMeeting, base: string, number: string): Node[] {
  const { meeting } = p;
  const folderId = `${base}/arkiv/mote/${meeting.id}`;
  const nodes: Node[] = [
    {
      "@id": folderId,
      "@type": "Moetemappe",
      systemID: meeting.id,
      offentligTittel: `${body.name}: ${meeting.title}`,
      moetenummer: number,
      moetedato: dateTime(meeting.startsAt),
      moetested: meeting.place,
      utvalg: body.name,
    },
  ];
  const publicAttachments = p.attachments.filter((a) => !a.exempt);
  const decisions = new Map((p.minutes?.items ?? []).map((i) => [i.itemId, i]));
  for (const item of p.agenda) {
    const n = item.number ? caseNumber(item.number) : undefined;
    if (!n) continue; // the opening and closing items carry no case number
    const caseId = `${folderId}#sak-${item.id}`;
    const vedtak = decisions.get(item.id)?.decision;
    const docs = vedtak ? [decisionNode(caseId, item.number ?? "", vedtak)] : [];
    nodes.push(
      {
        "@id": caseId,
        "@type": "Møtesaksregistrering",
        systemID: item.id,
        parent: ref(folderId),
        offentligTittel: item.withdrawn ? `${item.title} (trukket)` : item.title,
        møtesaksår: integer(n.year),
        møtesakssekvensnummer: integer(n.sequence),
        møtesakstype: ref(item.kind === "information" ? "referatsak" : "politiskSak"),
        ...(docs.length ? { dokumentbeskrivelse: docs.map((d) => ref(d["@id"])) } : {}),
      },
      ...docs,
    );
  }
  nodes.push(...documentNodes(folderId, "innkalling", `Innkalling: ${body.name} – ${meeting.title}`, publicAttachments, base));
  if (p.minutes) nodes.push(...documentNodes(folderId, "møteprotokoll", `Referat: ${body.name} – ${meeting.title}`, [], base));
  return nodes;
}

/** A case's decision as the approved referat has it (Digdir: dokumenttype «Vedtak»). */
function decisionNode(caseId: string, number: string, text: string): Node {
  return {
    "@id": `${caseId}-vedtak`,
    "@type": "Dokumentbeskrivelse",
    dokumenttype: "Vedtak",
    tittel: `Vedtak i sak ${number}`,
    beskrivelse: text,
    tilknyttetRegistreringSom: ref("hoveddokument"),
  };
}

/** A møtedokumentregistrering (the innkalling or the referat) with its main document and the public attachments. */
function documentNodes(folderId: string, kind: string, title: string, attachments: Attachment[], base: string): Node[] {
  const regId = `${folderId}#${kind}`;
  const meetingPage = folderId;
  const main: Node = {
    "@id": `${regId}-dokument`,
    "@type": "Dokumentbeskrivelse",
    dokumentnummer: integer(1),
    tittel: title,
    tilknyttetRegistreringSom: ref("hoveddokument"),
    dokumentobjekt: ref(`${regId}-fil`),
  };
  const file: Node = { "@id": `${regId}-fil`, "@type": "Dokumentobjekt", format: "url", referanseDokumentfil: meetingPage };
  const extra = attachments.flatMap((a): Node[] => {
    const id = `${regId}-vedlegg-${a.number}`;
    const url = `${base}/arkiv/mote/${a.meetingId}/vedlegg/${a.number}`;
    return [
      {
        "@id": id,
        "@type": "Dokumentbeskrivelse",
        dokumentnummer: integer(a.number + 1),
        tittel: a.title,
        tilknyttetRegistreringSom: ref("vedlegg"),
        dokumentobjekt: ref(`${id}-fil`),
      },
      { "@id": `${id}-fil`, "@type": "Dokumentobjekt", format: a.contentType, referanseDokumentfil: url },
    ];
  });
  const registration: Node = {
    "@id": regId,
    "@type": "Møtedokumentregistrering",
    parent: ref(folderId),
    møtedokumentregistreringstype: ref(kind),
    offentligTittel: title,
    dokumentbeskrivelse: [main, ...extra.filter((n) => n["@type"] === "Dokumentbeskrivelse")].map((d) => ref(d["@id"])),
  };
  return [registration, main, file, ...extra];
}
