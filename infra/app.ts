// The CDK app: context parameters validated with zod, and the one stack.
import { App } from "aws-cdk-lib";
import { z } from "zod";
import { MeetingsStack, type MeetingsStackParams } from "./stack.js";

/**
 * The CDK app. Parameters come from CDK context (cdk.json, or -c key=value), validated here;
 * a bad value stops synth with a message naming the key. No look-ups: synth works offline.
 */
const retention = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** An optional key: absent, null or "" (e.g. `-c alarmEmail=`) all mean "not set". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());
const hostname = z
  .string()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    "må være et domenenavn, f.eks. moter.vestregionen.no",
  );

export const ContextParams = z
  .object({
    senderEmail: z.email(),
    /** The SES domain identity (Easy DKIM, MAIL FROM). Default: the domain of senderEmail. */
    sendingDomain: optional(hostname),
    /** MAIL FROM = <mailFromSubdomain>.<sendingDomain>, so bounces and SPF align with the domain. */
    mailFromSubdomain: z
      .string()
      .toLowerCase()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, "må være ett DNS-navneledd, f.eks. bounce")
      .default("bounce"),
    /** The web app's own host name (API Gateway custom domain); needs certificateArn. */
    domainName: optional(hostname),
    /** ACM certificate for domainName, in the same region as the stack. */
    certificateArn: optional(
      z.string().regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/, "må være ARN-en til et ACM-sertifikat"),
    ),
    /** Only with domainName, and then only https://<domainName> (the default); without it the API's own URL is used. */
    baseUrl: optional(z.url({ protocol: /^https$/, error: "må være en https-adresse" })),
    /** Where alarms are emailed (SNS email subscription, to be confirmed once). Optional. */
    alarmEmail: optional(z.email()),
    sesMaxSendRate: z.coerce.number().positive().max(10_000),
    // SQS event sources allow a maximum concurrency of 2 to 1000; shared/config.ts accepts at most
    // 100 (a larger value would stop every function at start-up), so that is the limit here too.
    sendWorkerConcurrency: z.coerce.number().int().min(2).max(100),
    reminderDaysBeforeDeadline: z.coerce.number().int().min(0).max(60),
    logRetentionDays: z.coerce
      .number()
      .int()
      .refine((n) => retention.includes(n), `må være en av ${retention.join(", ")}`),
  })
  .superRefine((p, ctx) => {
    const senderDomain = p.senderEmail.split("@")[1]?.toLowerCase() ?? "";
    if (p.sendingDomain && senderDomain && senderDomain !== p.sendingDomain && !senderDomain.endsWith(`.${p.sendingDomain}`)) {
      ctx.addIssue({
        code: "custom",
        path: ["sendingDomain"],
        message: `senderEmail (${p.senderEmail}) må være en adresse i dette domenet`,
      });
    }
    if (p.domainName && !p.certificateArn)
      ctx.addIssue({ code: "custom", path: ["certificateArn"], message: "mangler: domainName krever et ACM-sertifikat" });
    if (p.certificateArn && !p.domainName)
      ctx.addIssue({ code: "custom", path: ["domainName"], message: "mangler: certificateArn er satt uten domainName" });
    if (p.baseUrl && URL.canParse(p.baseUrl)) {
      const url = new URL(p.baseUrl);
      if (!p.domainName) {
        ctx.addIssue({
          code: "custom",
          path: ["baseUrl"],
          message: "settes bare sammen med domainName og certificateArn; uten eget domene brukes API-ets egen adresse",
        });
      } else if (
        url.hostname !== p.domainName ||
        url.port !== "" ||
        (url.pathname !== "/" && url.pathname !== "") ||
        url.search ||
        url.hash
      ) {
        ctx.addIssue({ code: "custom", path: ["baseUrl"], message: `må være https://${p.domainName} (domainName)` });
      }
    }
  });

export function readParams(app: App): MeetingsStackParams {
  const raw = Object.fromEntries(Object.keys(ContextParams.shape).map((k) => [k, app.node.tryGetContext(k)]));
  const parsed = ContextParams.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `context «${i.path.join(".")}» = ${JSON.stringify(raw[String(i.path[0])])}: ${i.message}`,
    );
    throw new Error(`Ugyldige CDK-parametre: ${problems.join("; ")}`);
  }
  const p = parsed.data;
  const sendingDomain = p.sendingDomain ?? p.senderEmail.split("@")[1]!.toLowerCase();
  return {
    senderEmail: p.senderEmail,
    sendingDomain,
    mailFromDomain: `${p.mailFromSubdomain}.${sendingDomain}`,
    customDomain: p.domainName && p.certificateArn ? { domainName: p.domainName, certificateArn: p.certificateArn } : undefined,
    alarmEmail: p.alarmEmail,
    sesMaxSendRate: p.sesMaxSendRate,
    sendWorkerConcurrency: p.sendWorkerConcurrency,
    reminderDaysBeforeDeadline: p.reminderDaysBeforeDeadline,
    logRetentionDays: p.logRetentionDays,
  };
}

/**
 * CDK's built-in CloudFormation template validation costs more CPU than the rest of synth together
 * (engine start-up, several seconds), which would take `cdk synth` well past its 10 s budget. The
 * infra tests run it and require an empty report (test/infra/stack.test.ts), so the CLI skips it.
 */
export function buildApp(context: Record<string, unknown> = {}, opts: { cloudFormationValidation?: boolean } = {}) {
  const app = new App({ context, builtinCloudFormationValidation: opts.cloudFormationValidation ?? false });
  const stack = new MeetingsStack(app, "Moteinnkalling", readParams(app), {
    description: "Møteinnkalling: innkallinger, svar og referat for interkommunale organ",
  });
  return { app, stack };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) {
  buildApp().app.synth();
}
