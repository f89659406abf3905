/** The JSON API's directory: organisations (kommuner), people and bodies. */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import * as directory from "../../../shared/directory/index.js";
import { t } from "../../../shared/i18n/nb.js";
import { nbSending } from "../../../shared/i18n/nb-sending.js";
import {
  CreateBodyInput,
  CreateOrganisationInput,
  CreatePersonInput,
  UpdateBodyInput,
  UpdateOrganisationInput,
  UpdatePersonInput,
} from "../../../shared/inputs.js";
import { Body, Organisation, Person } from "../../../shared/model.js";
import type { AppEnv } from "../env.js";
import { IdParam, jsonOp } from "./openapi.js";

const d = t.apiDocs;
const created = { 201: t.apiDocs.responses.ok };

export function directoryApi() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    jsonOp({
      method: "post",
      path: "/organisations",
      operationId: "createOrganisation",
      summary: d.createOrganisation,
      body: CreateOrganisationInput,
      ok: created,
      response: Organisation,
    }),
    async (c) => c.json(await directory.createOrganisation(c.get("ctx"), c.req.valid("json")), 201),
  );
  app.openapi(
    jsonOp({
      method: "get",
      path: "/organisations",
      operationId: "listOrganisations",
      summary: d.listOrganisations,
      response: z.object({ items: z.array(Organisation) }),
    }),
    async (c) => c.json({ items: await directory.listOrganisations(c.get("ctx")) }, 200),
  );
  app.openapi(
    jsonOp({
      method: "patch",
      path: "/organisations/{id}",
      operationId: "updateOrganisation",
      summary: d.updateOrganisation,
      params: IdParam,
      body: UpdateOrganisationInput,
      response: Organisation,
    }),
    async (c) => c.json(await directory.updateOrganisation(c.get("ctx"), c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(
    jsonOp({
      method: "post",
      path: "/people",
      operationId: "createPerson",
      summary: d.createPerson,
      body: CreatePersonInput,
      ok: created,
      response: Person,
    }),
    async (c) => c.json(await directory.createPerson(c.get("ctx"), c.req.valid("json")), 201),
  );
  app.openapi(
    jsonOp({
      method: "patch",
      path: "/people/{id}",
      operationId: "updatePerson",
      summary: nbSending.apiDocs.updatePerson,
      params: IdParam,
      body: UpdatePersonInput,
      response: Person,
    }),
    async (c) => c.json(await directory.updatePerson(c.get("ctx"), c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(
    jsonOp({
      method: "post",
      path: "/bodies",
      operationId: "createBody",
      summary: d.createBody,
      body: CreateBodyInput,
      ok: created,
      response: Body,
    }),
    async (c) => c.json(await directory.createBody(c.get("ctx"), c.req.valid("json")), 201),
  );
  app.openapi(
    jsonOp({
      method: "patch",
      path: "/bodies/{id}",
      operationId: "updateBody",
      summary: d.updateBody,
      params: IdParam,
      body: UpdateBodyInput,
      response: Body,
    }),
    async (c) => c.json(await directory.updateBody(c.get("ctx"), c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(
    jsonOp({
      method: "get",
      path: "/bodies",
      operationId: "listBodies",
      summary: d.listBodies,
      response: z.object({ items: z.array(Body) }),
    }),
    async (c) => c.json({ items: await directory.listBodies(c.get("ctx")) }, 200),
  );
  return app;
}
