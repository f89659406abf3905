import type { TestProject } from "vitest/node";
import { freePort, type RunningService, startDynamoLocal, startS3Local, startSesLocal } from "../../local/services.js";

/**
 * Starts the real local stand-ins once per test run, on free ports: DynamoDB Local (in memory),
 * the local SES and the local S3 (s3rver behind its POST-policy front, objects in a temporary
 * folder). Test files get the endpoints through inject() and make their own tables and buckets.
 */
let services: RunningService[] = [];

export async function setup(project: TestProject) {
  const started = await Promise.allSettled([
    freePort().then((port) => startDynamoLocal({ port })),
    freePort().then((port) => startSesLocal({ port })),
    freePort().then((port) => startS3Local({ port })),
  ]);
  services = started.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failed = started.find((r) => r.status === "rejected");
  if (failed) {
    await teardown();
    throw (failed as PromiseRejectedResult).reason;
  }
  const [dynamo, ses, s3] = services as [RunningService, RunningService, RunningService];
  project.provide("dynamoEndpoint", dynamo.endpoint);
  project.provide("sesEndpoint", ses.endpoint);
  project.provide("s3Endpoint", s3.endpoint);
}

export async function teardown() {
  await Promise.allSettled(services.map((s) => s.stop()));
}

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sesEndpoint: string;
    s3Endpoint: string;
  }
}
