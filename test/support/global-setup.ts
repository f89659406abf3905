// Vitest's global setup: the local stand-ins, started once per test run by the local stack's own function.
import type { TestProject } from "vitest/node";
import { type LocalServices, startLocalServices } from "../../local/stack.js";

/**
 * Starts the real local stand-ins once per test run, on free ports: DynamoDB Local (in memory),
 * the local SES and the local S3 (s3rver behind its POST-policy front, objects in a temporary
 * folder). Test files get the endpoints through inject() and make their own tables and buckets.
 */
let services: LocalServices | undefined;

export async function setup(project: TestProject) {
  services = await startLocalServices();
  project.provide("dynamoEndpoint", services.dynamoEndpoint);
  project.provide("sesEndpoint", services.sesEndpoint);
  project.provide("s3Endpoint", services.s3Endpoint);
}

export async function teardown() {
  await services?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sesEndpoint: string;
    s3Endpoint: string;
  }
}
