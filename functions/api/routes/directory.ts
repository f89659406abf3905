import { OpenAPIHono, z } from "@hono/zod-openapi";
import { parse as parseCsv } from "csv-parse/sync";
import { InvalidError } from "../../../shared/errors.js";
import { AddMemberInput, CreateBodyInput, CreateOrganisationInput, CreatePersonInput, MemberCsvRow } from "../../../shared/inputs.js";
import { Body, Member, Organisation, Person } from "../../../shared/model.js";
import { removeMemberFromList } from "../../../shared/directory/index.js";
import * as directory from "../../../shared/store/directory.js";
import type { AppEnv } from "../app.js";
import { fieldErrors } from "../../../shared/web/problem.js";
import { IdParam, jsonOp } from "./openapi-helpers.js";

/** Organisations, people, bodies and members (JSON API). */
export function directoryRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    jsonOp({ method: "post", path: "/organisations", operationId: "createOrganisation", summary: "Ny kommune/organisasjon", body: CreateOrganisationInput, status: 201, response: Organisation }),
    async (c) => c.json(await directory.createOrganisation(c.get("ctx"), c.req.valid("json" as never)), 201),
  );
  app.openapi(
    jsonOp({ method: "get", path: "/organisations", operationId: "listOrganisations", summary: "Alle organisasjoner", response: z.object({ items: z.array(Organisation) }) }),
    async (c) => c.json({ items: await directory.listOrganisations(c.get("ctx")) }),
  );
  app.openapi(
    jsonOp({ method: "post", path: "/people", operationId: "createPerson", summary: "Ny person", body: CreatePersonInput, status: 201, response: Person }),
    async (c) => c.json(await directory.createPerson(c.get("ctx"), c.req.valid("json" as never)), 201),
  );
  app.openapi(
    jsonOp({ method: "post", path: "/bodies", operationId: "createBody", summary: "Nytt organ", body: CreateBodyInput, status: 201, response: Body }),
    async (c) => c.json(await directory.createBody(c.get("ctx"), c.req.valid("json" as never)), 201),
  );
  app.openapi(
    jsonOp({ method: "get", path: "/bodies", operationId: "listBodies", summary: "Alle organ", response: z.object({ items: z.array(Body) }) }),
    async (c) => c.json({ items: await directory.listBodies(c.get("ctx")) }),
  );
  app.openapi(
    jsonOp({ method: "get", path: "/bodies/{id}/members", operationId: "listMembers", summary: "Distribusjonslisten", params: IdParam, response: z.object({ items: z.array(Member) }) }),
    async (c) => {
      const { id } = c.req.valid("param" as never) as { id: string };
      await directory.getBody(c.get("ctx"), id);
      return c.json({ items: await directory.listMembers(c.get("ctx"), id) });
    },
  );
  app.openapi(
    jsonOp({ method: "post", path: "/bodies/{id}/members", operationId: "addMember", summary: "Legg til medlem", params: IdParam, body: AddMemberInput, status: 201, response: Member }),
    async (c) => {
      const { id } = c.req.valid("param" as never) as { id: string };
      return c.json(await directory.addMember(c.get("ctx"), id, c.req.valid("json" as never)), 201);
    },
  );

  app.openapi(
    jsonOp({
      method: "delete",
      path: "/bodies/{id}/members/{memberId}",
      operationId: "removeMember",
      summary: "Fjern et medlem fra listen (invitasjoner til kommende møter trekkes tilbake)",
      params: z.object({ id: z.string().min(1).max(64), memberId: z.string().min(1).max(64) }),
      response: z.object({ withdrawn: z.number() }),
    }),
    async (c) => {
      const { id, memberId } = c.req.valid("param" as never) as { id: string; memberId: string };
      return c.json(await removeMemberFromList(c.get("ctx"), id, memberId, c.get("ctx").clock.now()));
    },
  );

  // CSV import: a text/csv body (the secretariat keeps lists in spreadsheets). All or nothing.
  app.openapi(
    {
      method: "post",
      path: "/bodies/{id}/members/import",
      operationId: "importMembers",
      summary: "Importer distribusjonsliste (CSV: name,email,organisation,role). Alle rader sjekkes først; én feil rad gir ingen import.",
      request: { params: IdParam, body: { content: { "text/csv": { schema: z.string() } }, required: true } },
      responses: {
        200: { description: "Importert", content: { "application/json": { schema: z.object({ added: z.number(), updated: z.number(), unchanged: z.number() }) } } },
      },
    },
    async (c) => {
      const { id } = c.req.valid("param" as never) as { id: string };
      const rows = parseMemberCsv(await c.req.text());
      return c.json(await directory.importMembers(c.get("ctx"), id, rows), 200);
    },
  );
  return app;
}

/** Parses and validates every row; throws one error listing every bad row (line numbers as in the file). */
export function parseMemberCsv(text: string): directory.CsvRow[] {
  let records: Record<string, string>[];
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ""), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      delimiter: text.split("\n")[0]?.includes(";") ? ";" : ",",
    });
  } catch (err) {
    throw new InvalidError([{ field: "csv", message: `Filen kan ikke leses som CSV: ${(err as Error).message}` }]);
  }
  if (records.length === 0) throw new InvalidError([{ field: "csv", message: "Filen har ingen rader." }]);
  const errors: { field: string; message: string }[] = [];
  const rows: directory.CsvRow[] = [];
  records.forEach((rec, i) => {
    const parsed = MemberCsvRow.safeParse(rec);
    if (parsed.success) rows.push(parsed.data);
    else for (const e of fieldErrors(parsed.error)) errors.push({ field: `rad ${i + 2}.${e.field}`, message: e.message });
  });
  if (errors.length) throw new InvalidError(errors);
  return rows;
}
