// Synthesizes the stack for the infra tests (no bundling), with the cdk.json context.
import { Template } from "aws-cdk-lib/assertions";
import cdkJson from "../../cdk.json" with { type: "json" };
import { buildApp } from "../../infra/app.js";

/**
 * The app as `cdk synth` builds it: cdk.json's context (parameters and feature flags), plus what
 * a test adds. Bundling is skipped ("aws:cdk:bundling-stacks": []) so this stays fast;
 * bench/coldstart and `npm run synth` bundle for real.
 */
const cdkContext = cdkJson.context as Record<string, unknown>;

export const synthApp = (extra: Record<string, unknown> = {}, opts: { cloudFormationValidation?: boolean } = {}) =>
  buildApp({ ...cdkContext, "aws:cdk:bundling-stacks": [], ...extra }, opts);

export const synth = (extra: Record<string, unknown> = {}) => Template.fromStack(synthApp(extra).stack);

/** A deployment with its own host name, an ACM certificate and an alarm address. */
export const withDomain = {
  senderEmail: "sekretariat@vestregionen.no",
  domainName: "moter.vestregionen.no",
  certificateArn: "arn:aws:acm:eu-north-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
  alarmEmail: "drift@vestregionen.no",
};

export type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string[] };
