// Structural validation of an OpenAPI 3.1 document, for the smoke test (no validator dependency).
import { expect } from "./smoke-assert.js";

/**
 * Structural validation of an OpenAPI 3.1 document (without a validator dependency): version,
 * info, paths with operations that each have responses, unique operationIds, path parameters
 * declared, and every local $ref resolving. Throws CheckFailed with the first problem found.
 */
export function validateOpenApi31(doc: unknown): { operationIds: Set<string>; paths: number } {
  expect(isObject(doc), "the document is not a JSON object");
  expect(
    typeof doc.openapi === "string" && /^3\.1\.\d+$/.test(doc.openapi),
    `openapi is ${JSON.stringify(doc.openapi)}, expected 3.1.x`,
  );
  const info = doc.info;
  expect(
    isObject(info) && typeof info.title === "string" && typeof info.version === "string",
    "info.title and info.version must be strings",
  );
  expect(isObject(doc.paths), "paths is missing or not an object");
  const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
  const operationIds = new Set<string>();
  let operations = 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    expect(path.startsWith("/"), `path ${JSON.stringify(path)} does not start with /`);
    expect(isObject(item), `paths["${path}"] is not an object`);
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    for (const method of methods) {
      const op = item[method];
      if (op === undefined) continue;
      operations++;
      const where = `${method.toUpperCase()} ${path}`;
      expect(isObject(op), `${where} is not an object`);
      expect(isObject(op.responses) && Object.keys(op.responses).length > 0, `${where} has no responses`);
      if (op.operationId !== undefined) {
        expect(typeof op.operationId === "string", `${where} operationId is not a string`);
        expect(!operationIds.has(op.operationId), `operationId ${op.operationId} is used twice`);
        operationIds.add(op.operationId);
      }
      const params = [...asArray(item.parameters), ...asArray(op.parameters)].map((p) => resolve(doc, p));
      for (const name of templated) {
        expect(
          params.some((p) => isObject(p) && p.in === "path" && p.name === name),
          `${where} does not declare path parameter {${name}}`,
        );
      }
    }
  }
  expect(operations > 0, "the document has no operations");
  for (const ref of collectRefs(doc)) {
    expect(ref.startsWith("#/"), `external $ref ${ref} (expected a self-contained document)`);
    expect(resolvePointer(doc, ref) !== undefined, `$ref ${ref} does not resolve`);
  }
  return { operationIds, paths: Object.keys(doc.paths).length };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function resolve(doc: unknown, v: unknown): unknown {
  return isObject(v) && typeof v.$ref === "string" ? resolvePointer(doc, v.$ref) : v;
}

function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
    if (node === undefined) return undefined;
  }
  return node;
}

function collectRefs(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const v of node) collectRefs(v, out);
  else if (isObject(node)) {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.add(v);
      else collectRefs(v, out);
    }
  }
  return out;
}
