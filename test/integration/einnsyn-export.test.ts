// The eInnsyn-ready export over HTTP (the real app on DynamoDB Local and the local S3): a body's published meetings as
// JSON-LD in the Noark 5 vocabulary, at a stable URL, with exempt attachments and unpublished meetings left out.
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type ApiClient, useApiApp } from "../support/api.js";
import type { TestApp } from "../support/harness.js";
import { meetingWithMembers } from "../support/scenario.js";
import { uploadViaApi } from "../support/uploads.js";
import { AFTER_MEETING, heldMeeting } from "./minutes-setup.js";

const ref = z.strictObject({ "@id": z.string().url() });
const integer = z.strictObject({ "@type": z.literal("xsd:integer"), "@value": z.string().regex(/^\d+$/) });
const node = z.looseObject({ "@id": z.string().url(), "@type": z.string() });
const Moetemappe = node.extend({
  "@type": z.literal("Moetemappe"),
  systemID: z.string(),
  offentligTittel: z.string(),
  moetenummer: z.string(),
  moetedato: z.strictObject({
    "@type": z.literal("xsd:dateTime"),
    "@value": z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+0[12]:00$/),
  }),
  moetested: z.string(),
  utvalg: z.string(),
});
const Moetesak = node.extend({
  "@type": z.literal("Møtesaksregistrering"),
  parent: ref,
  offentligTittel: z.string(),
  møtesaksår: integer,
  møtesakssekvensnummer: integer,
  møtesakstype: z.strictObject({ "@id": z.enum(["politiskSak", "referatsak"]) }),
});
const Export = z.object({
  "@context": z.object({ "@vocab": z.literal("http://www.arkivverket.no/standarder/noark5/arkivstruktur/") }),
  "@graph": z.array(node),
});

const pdfText = async (res: Response) => {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await res.arrayBuffer())), { mergePages: true });
  return text.replace(/\s+/g, " ");
};

describe("the archive's exports: eInnsyn JSON-LD and the archival PDFs", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });
  let m!: Awaited<ReturnType<typeof heldMeeting>>;
  let unpublished!: Awaited<ReturnType<typeof meetingWithMembers>>;
  const url = () => `${app.baseUrl}/arkiv/${m.body.id}/einnsyn.jsonld`;

  beforeAll(async () => {
    m = await heldMeeting(api);
    for (const [title, exempt] of [
      ["Presentasjon KomUt", false],
      ["Personalsak Hemmelig", true],
    ] as const) {
      const up = await uploadViaApi(api, m.meeting.id, {
        title,
        filename: "f.pdf",
        type: "application/pdf",
        content: "%PDF-1.4 x",
        exempt,
      });
      expect(up.status).toBe(201);
    }
    expect((await api.patch(`/api/meetings/${m.meeting.id}`, { published: true })).status).toBe(200);
    app.clock.set(AFTER_MEETING);
    const minutes = (await api.get(`/api/meetings/${m.meeting.id}/minutes`)).body;
    const budget = minutes.items.find((i: { title: string }) => i.title === "Budsjett").itemId;
    const saved = await api.put(`/api/meetings/${m.meeting.id}/minutes`, {
      items: [{ itemId: budget, status: "decided", decision: "Budsjettet for 2031 vedtas som foreslått." }],
    });
    expect(saved.status).toBe(200);
    expect((await api.post(`/api/meetings/${m.meeting.id}/minutes/approve`)).status).toBe(200);
    // Another meeting of another body, never published.
    unpublished = await meetingWithMembers(api, 1);
  });
  afterAll(() => app.clock.set(new Date()));

  it("serves the body's published meetings as JSON-LD with møtemappe, møtesaker in order and the vedtak", async () => {
    const res = await fetch(url());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/ld+json; charset=utf-8");
    const text = await res.text();
    const doc = Export.parse(JSON.parse(text));
    const base = app.ctx.config.BASE_URL.replace(/\/$/, "");
    for (const n of doc["@graph"]) expect(n["@id"].startsWith(base), n["@id"]).toBe(true);

    const folders = doc["@graph"].filter((n) => n["@type"] === "Moetemappe").map((n) => Moetemappe.parse(n));
    expect(folders).toHaveLength(1);
    expect(folders[0]).toMatchObject({ systemID: m.meeting.id, moetested: "Rådhuset i Drammen", utvalg: m.body.name });
    expect(folders[0]!.moetedato["@value"]).toBe("2030-06-01T09:00:00+02:00");

    const cases = doc["@graph"].filter((n) => n["@type"] === "Møtesaksregistrering").map((n) => Moetesak.parse(n));
    expect(cases.map((c) => c.offentligTittel)).toEqual([
      "Referat fra forrige møte",
      "Budsjett",
      "Prosjekter innen prioriterte satsingsområder",
    ]);
    const seqs = cases.map((c) => Number(c.møtesakssekvensnummer["@value"]));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(cases.every((c) => c.parent["@id"] === folders[0]!["@id"])).toBe(true);
    expect(cases[2]!.møtesakstype["@id"]).toBe("referatsak");

    const decisions = doc["@graph"].filter((n) => (n as Record<string, unknown>).dokumenttype === "Vedtak") as Record<
      string,
      unknown
    >[];
    expect(decisions.map((d) => d.beskrivelse)).toContain("Budsjettet for 2031 vedtas som foreslått.");
    const budgetCase = cases.find((c) => c.offentligTittel === "Budsjett") as Record<string, unknown>;
    const vedtak = decisions.find((d) => d.beskrivelse === "Budsjettet for 2031 vedtas som foreslått.")!;
    expect(budgetCase.dokumentbeskrivelse).toEqual([{ "@id": vedtak["@id"] }]);

    const kinds = doc["@graph"]
      .filter((n) => n["@type"] === "Møtedokumentregistrering")
      .map((n) => (n as unknown as { møtedokumentregistreringstype: { "@id": string } }).møtedokumentregistreringstype["@id"]);
    expect(kinds).toEqual(["innkalling", "møteprotokoll"]);
    const files = doc["@graph"].filter((n) => n["@type"] === "Dokumentobjekt") as unknown as { referanseDokumentfil: string }[];
    expect(files.map((f) => f.referanseDokumentfil)).toContain(`${base}/arkiv/mote/${m.meeting.id}/vedlegg/1`);
  });

  it("leaves the exempt attachment out entirely and is the same on every call (stable @ids)", async () => {
    const first = await (await fetch(url())).text();
    expect(first).toContain("Presentasjon KomUt");
    expect(first).not.toContain("Personalsak Hemmelig");
    expect(first).not.toContain(`/vedlegg/2`);
    expect(await (await fetch(url())).text()).toBe(first);
  });

  it("shows no unpublished meeting, and answers 404 for an unknown body", async () => {
    const other = await (await fetch(`${app.baseUrl}/arkiv/${unpublished.body.id}/einnsyn.jsonld`)).json();
    expect(other["@graph"]).toEqual([]);
    expect(JSON.stringify(other)).not.toContain(unpublished.meeting.id);
    expect((await fetch(`${app.baseUrl}/arkiv/finnes-ikke/einnsyn.jsonld`)).status).toBe(404);
    // The body's archive page links to its export.
    const page = await (await fetch(`${app.baseUrl}/arkiv/${m.body.id}`)).text();
    expect(page).toContain(`href="/arkiv/${m.body.id}/einnsyn.jsonld"`);
  });

  it("offers the innkalling and the referat as PDF/A with what the archive page shows, in the body's language", async () => {
    const page = await (await fetch(`${app.baseUrl}/arkiv/mote/${m.meeting.id}`)).text();
    expect(page).toContain(`href="/arkiv/mote/${m.meeting.id}/innkalling.pdf"`);
    expect(page).toContain(`href="/arkiv/mote/${m.meeting.id}/referat.pdf"`);
    const innkalling = await fetch(`${app.baseUrl}/arkiv/mote/${m.meeting.id}/innkalling.pdf`);
    expect(innkalling.status).toBe(200);
    expect(innkalling.headers.get("content-type")).toBe("application/pdf");
    expect(innkalling.headers.get("content-disposition")).toMatch(/^inline; filename="Innkalling /);
    const inn = await pdfText(innkalling);
    expect(inn).toContain("Forslag til vedtak: Budsjettet vedtas.");
    expect(inn).toContain("Vedlegg 1: Presentasjon KomUt");
    expect(inn).not.toContain("Personalsak Hemmelig");

    const referat = await pdfText(await fetch(`${app.baseUrl}/arkiv/mote/${m.meeting.id}/referat.pdf`));
    expect(referat).toContain("Vedtak: Budsjettet for 2031 vedtas som foreslått.");
    expect(referat).toContain("A Kommunehelsesamarbeidet");

    expect((await api.patch(`/api/bodies/${m.body.id}`, { language: "nn" })).status).toBe(200);
    const nynorsk = await pdfText(await fetch(`${app.baseUrl}/arkiv/mote/${m.meeting.id}/referat.pdf`));
    expect(nynorsk).toContain("Referat frå møte i");
    expect((await api.patch(`/api/bodies/${m.body.id}`, { language: "nb" })).status).toBe(200);
  });

  it("gives no PDF of an unpublished meeting, nor a referat before it is approved", async () => {
    expect((await fetch(`${app.baseUrl}/arkiv/mote/${unpublished.meeting.id}/innkalling.pdf`)).status).toBe(404);
    expect((await api.patch(`/api/meetings/${unpublished.meeting.id}`, { published: true })).status).toBe(200);
    expect((await fetch(`${app.baseUrl}/arkiv/mote/${unpublished.meeting.id}/innkalling.pdf`)).status).toBe(200);
    expect((await fetch(`${app.baseUrl}/arkiv/mote/${unpublished.meeting.id}/referat.pdf`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/arkiv/mote/${unpublished.meeting.id}/budsjett.pdf`)).status).toBe(404);
  });
});
