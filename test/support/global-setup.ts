import type { TestProject } from "vitest/node";
import { freePort, type RunningService, startDynamoLocal, startSesLocal } from "../../local/services.js";

/**
 * Starts the real local stand-ins once per test run, on free ports: DynamoDB Local (in memory)
 * and the local SES. Test files get the endpoints through inject() and make their own tables.
 */
let services: RunningService[] = [];

export async function setup(project: TestProject) {
  const [dynamo, ses] = await Promise.all([
    freePort().then((port) => startDynamoLocal({ port })),
    freePort().then((port) => startSesLocal({ port })),
  ]);
  services = [dynamo, ses];
  project.provide("dynamoEndpoint", dynamo.endpoint);
  project.provide("sesEndpoint", ses.endpoint);
}

export async function teardown() {
  await Promise.allSettled(services.map((s) => s.stop()));
}

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sesEndpoint: string;
  }
}
