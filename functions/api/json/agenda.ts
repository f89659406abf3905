/** The JSON API's agenda: cases (saker) added, changed and moved, and a body's next case number. */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { t } from "../../../shared/i18n/nb.js";
import { nbMeetings } from "../../../shared/i18n/nb-meetings.js";
import {
  AddAgendaItemInput,
  MoveAgendaItemInput,
  SetNextCaseNumberInput,
  UpdateAgendaItemInput,
} from "../../../shared/inputs.js";
import * as meetings from "../../../shared/meetings/index.js";
import { AgendaItem } from "../../../shared/model.js";
import type { AppEnv } from "../env.js";
import { IdParam, ItemParams, jsonOp } from "./openapi.js";

const d = t.apiDocs;

export function agendaApi() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    jsonOp({
      method: "post",
      path: "/meetings/{id}/agenda",
      operationId: "addAgendaItem",
      summary: d.addAgendaItem,
      params: IdParam,
      body: AddAgendaItemInput,
      ok: { 201: d.responses.ok },
      response: AgendaItem,
    }),
    async (c) => c.json(await meetings.addAgendaItem(c.get("ctx"), c.req.valid("param").id, c.req.valid("json")), 201),
  );
  app.openapi(
    jsonOp({
      method: "patch",
      path: "/meetings/{id}/agenda/{itemId}",
      operationId: "updateAgendaItem",
      summary: d.updateAgendaItem,
      params: ItemParams,
      body: UpdateAgendaItemInput,
      response: AgendaItem,
    }),
    async (c) => {
      const { id, itemId } = c.req.valid("param");
      return c.json(await meetings.updateAgendaItem(c.get("ctx"), id, itemId, c.req.valid("json")), 200);
    },
  );
  app.openapi(
    jsonOp({
      method: "post",
      path: "/meetings/{id}/agenda/{itemId}/move",
      operationId: "moveAgendaItem",
      summary: d.moveAgendaItem,
      params: ItemParams,
      body: MoveAgendaItemInput,
      response: z.object({ agenda: z.array(AgendaItem) }),
    }),
    async (c) => {
      const { id, itemId } = c.req.valid("param");
      return c.json({ agenda: await meetings.moveAgendaItem(c.get("ctx"), id, itemId, c.req.valid("json").position) }, 200);
    },
  );
  app.openapi(
    jsonOp({
      method: "delete",
      path: "/meetings/{id}/agenda/{itemId}",
      operationId: "removeAgendaItem",
      summary: nbMeetings.apiDocs.removeAgendaItem,
      params: ItemParams,
      response: z.object({ outcome: z.enum(["deleted", "withdrawn"]), agenda: z.array(AgendaItem) }),
    }),
    async (c) => {
      const { id, itemId } = c.req.valid("param");
      return c.json(await meetings.removeAgendaItem(c.get("ctx"), id, itemId), 200);
    },
  );
  app.openapi(
    jsonOp({
      method: "put",
      path: "/bodies/{id}/case-numbers",
      operationId: "setNextCaseNumber",
      summary: d.setNextCaseNumber,
      params: IdParam,
      body: SetNextCaseNumberInput,
      response: z.object({ year: z.number(), next: z.number() }),
    }),
    async (c) => {
      const input = c.req.valid("json");
      await meetings.setNextCaseNumber(c.get("ctx"), c.req.valid("param").id, input);
      return c.json(input, 200);
    },
  );
  return app;
}
