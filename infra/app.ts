import { App } from "aws-cdk-lib";
import { z } from "zod";
import { MeetingsStack, type MeetingsStackParams } from "./stack.js";

/**
 * The CDK app. Parameters come from CDK context (cdk.json, or -c key=value), validated here;
 * a bad value stops synth with a message naming the key. No look-ups: synth works offline.
 */
const retention = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
export const ContextParams = z.object({
  senderEmail: z.email(),
  baseUrl: z.url(),
  sesMaxSendRate: z.coerce.number().positive().max(10_000),
  // SQS event sources allow a maximum concurrency of 2 to 1000.
  sendWorkerConcurrency: z.coerce.number().int().min(2).max(1000),
  reminderDaysBeforeDeadline: z.coerce.number().int().min(0).max(60),
  logRetentionDays: z.coerce.number().int().refine((n) => retention.includes(n), `må være en av ${retention.join(", ")}`),
});

export function readParams(app: App): MeetingsStackParams {
  const raw = Object.fromEntries(Object.keys(ContextParams.shape).map((k) => [k, app.node.tryGetContext(k)]));
  const parsed = ContextParams.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `context «${i.path.join(".")}» = ${JSON.stringify(raw[String(i.path[0])])}: ${i.message}`);
    throw new Error(`Ugyldige CDK-parametre: ${problems.join("; ")}`);
  }
  return parsed.data;
}

export function buildApp(context: Record<string, unknown> = {}) {
  const app = new App({ context });
  const stack = new MeetingsStack(app, "Moteinnkalling", readParams(app), {
    description: "Møteinnkalling: innkallinger, svar og referat for interkommunale organ",
  });
  return { app, stack };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) {
  buildApp().app.synth();
}
