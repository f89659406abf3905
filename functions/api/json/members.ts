/** The JSON API's distribution lists: a body's members, one by one or imported from CSV. */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import * as directory from "../../../shared/directory/index.js";
import { t } from "../../../shared/i18n/nb.js";
import { AddMemberInput, UpdateMemberInput } from "../../../shared/inputs.js";
import { Member } from "../../../shared/model.js";
import type { AppEnv } from "../env.js";
import { parseMemberCsv } from "../member-csv.js";
import { IdParam, jsonOp } from "./openapi.js";

const d = t.apiDocs;
const MemberParams = z.object({ id: z.string().min(1).max(64), memberId: z.string().min(1).max(64) });
const ImportResult = z.object({ added: z.number(), updated: z.number(), unchanged: z.number() });

export function membersApi() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    jsonOp({
      method: "get",
      path: "/bodies/{id}/members",
      operationId: "listMembers",
      summary: d.listMembers,
      params: IdParam,
      response: z.object({ items: z.array(Member) }),
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await directory.getBody(c.get("ctx"), id);
      return c.json({ items: await directory.listMembers(c.get("ctx"), id) }, 200);
    },
  );
  app.openapi(
    jsonOp({
      method: "post",
      path: "/bodies/{id}/members",
      operationId: "addMember",
      summary: d.addMember,
      params: IdParam,
      body: AddMemberInput,
      ok: { 201: d.responses.ok },
      response: Member,
    }),
    async (c) => c.json(await directory.addMember(c.get("ctx"), c.req.valid("param").id, c.req.valid("json")), 201),
  );
  app.openapi(
    jsonOp({
      method: "patch",
      path: "/bodies/{id}/members/{memberId}",
      operationId: "updateMember",
      summary: d.updateMember,
      params: MemberParams,
      body: UpdateMemberInput,
      response: Member,
    }),
    async (c) => {
      const { id, memberId } = c.req.valid("param");
      return c.json(await directory.updateMember(c.get("ctx"), id, memberId, c.req.valid("json")), 200);
    },
  );
  app.openapi(
    jsonOp({
      method: "delete",
      path: "/bodies/{id}/members/{memberId}",
      operationId: "removeMember",
      summary: d.removeMember,
      params: MemberParams,
      response: z.object({ withdrawn: z.number() }),
    }),
    async (c) => {
      const { id, memberId } = c.req.valid("param");
      return c.json(await directory.removeMemberFromList(c.get("ctx"), id, memberId, c.get("ctx").clock.now()), 200);
    },
  );
  // CSV import: a text/csv body (the secretariat keeps lists in spreadsheets). All or nothing.
  app.openapi(
    {
      method: "post",
      path: "/bodies/{id}/members/import",
      operationId: "importMembers",
      summary: d.importMembers,
      request: { params: IdParam, body: { content: { "text/csv": { schema: z.string() } }, required: true } },
      responses: { 200: { description: d.responses.imported, content: { "application/json": { schema: ImportResult } } } },
    },
    async (c) => {
      const rows = parseMemberCsv(await c.req.text());
      return c.json(await directory.importMemberList(c.get("ctx"), c.req.valid("param").id, rows), 200);
    },
  );
  return app;
}
