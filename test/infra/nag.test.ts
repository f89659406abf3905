// cdk-nag over the synthesized stack (acknowledgements narrow and real) and CDK's template validation.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Acknowledgment, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import type { IConstruct } from "constructs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { replyRoutes } from "../../functions/reply/paths.js";
import { synthApp, withDomain } from "./synth.js";

/**
 * cdk-nag's AwsSolutions pack over the synthesized stack, and CDK's own CloudFormation template
 * validation. cdk-nag 3 reads acknowledgements made with Validations.of(construct).acknowledge
 * (the v3 form of NagSuppressions), each with its reason, in infra/stack.ts.
 */
const variants: [string, Record<string, unknown>][] = [
  ["defaults from cdk.json", {}],
  ["custom domain, certificate and alarm email", withDomain],
];

/** Findings left after acknowledgements: "<severity> <rule> at <construct path>". */
function findings(stack: IConstruct): string[] {
  const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(stack);
  return report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.severity} ${v.ruleName} at ${r.constructPath}`));
}

type Ack = Acknowledgment & { path: string };

/** Synthesizes with every cdk-nag acknowledgement recorded instead of applied: all findings, and the acknowledgements. */
function unacknowledged(extra: Record<string, unknown>) {
  const acks: Ack[] = [];
  const original = Validations.prototype.acknowledge;
  vi.spyOn(Validations.prototype, "acknowledge").mockImplementation(function (this: Validations, ...rules: Acknowledgment[]) {
    const path = (this as unknown as { scope: IConstruct }).scope.node.path;
    for (const rule of rules) {
      if (rule.id.startsWith("AwsSolutions-")) acks.push({ ...rule, path });
      else original.call(this, rule); // CDK's own acknowledgements, not ours
    }
  });
  const { stack } = synthApp(extra);
  vi.restoreAllMocks();
  const report = new AwsSolutionsChecks().validateScope(stack);
  const all = report.violations.flatMap((v) =>
    v.violatingResources.map((r) => ({ rule: v.ruleName, path: r.constructPath ?? "" })),
  );
  return { acks, all, stackPath: stack.node.path };
}

describe("cdk-nag AwsSolutions", () => {
  afterEach(() => vi.restoreAllMocks());

  for (const [name, extra] of variants) {
    it(`has no unacknowledged findings, neither errors nor warnings (${name})`, () => {
      expect(findings(synthApp(extra).stack)).toEqual([]);
    });
  }

  it("every acknowledgement is narrow, has its reason, and matches a finding that is really there", () => {
    for (const [, extra] of variants) {
      const { acks, all, stackPath } = unacknowledged(extra);
      expect(acks.length).toBeGreaterThan(0);
      for (const ack of acks) {
        expect(ack.path, `${ack.id} is on the whole stack`).not.toBe(stackPath);
        expect(ack.reason.length, `${ack.id} at ${ack.path} needs a reason`).toBeGreaterThan(40);
        const matched = all.filter((f) => f.rule === ack.id && (f.path === ack.path || f.path.startsWith(`${ack.path}/`)));
        expect(matched, `${ack.id} at ${ack.path} acknowledges nothing (stale)`).not.toEqual([]);
      }
      // IAM5 findings are acknowledged one by one (the wildcard resource named), never the rule as a whole.
      for (const ack of acks.filter((a) => a.id.startsWith("AwsSolutions-IAM5")))
        expect(ack.id).toMatch(/^AwsSolutions-IAM5\[Resource::.+\]$/);
    }
  });

  it("acknowledges only: the link key's rotation, the SES-events DLQ, in-app authorisation per route, S3 object wildcards (uploads, previews, deletes and downloads under meetings/, received mail under inbound/)", () => {
    const { acks } = unacknowledged(withDomain);
    const ids = acks.map((a) => `${a.path} ${a.id}`);
    expect(ids).toHaveLength(9 + replyRoutes.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        "Moteinnkalling/LinkSigningKey AwsSolutions-SMG4",
        "Moteinnkalling/SesEventsDeadLetters AwsSolutions-SQS3",
        "Moteinnkalling/HttpApi/DefaultRoute AwsSolutions-APIG4",
        "Moteinnkalling/HttpApi/POST--logg-inn AwsSolutions-APIG4",
        ...replyRoutes.map((r) => `Moteinnkalling/HttpApi/${r.method}${r.path.replace(/\//g, "--")} AwsSolutions-APIG4`),
        expect.stringMatching(/^Moteinnkalling\/reply-role AwsSolutions-IAM5\[Resource::<Attachments\w+\.Arn>\/meetings\/\*\]$/),
        expect.stringMatching(/^Moteinnkalling\/api-role AwsSolutions-IAM5\[Resource::<Attachments\w+\.Arn>\/\*\]$/),
        expect.stringMatching(/^Moteinnkalling\/api-role AwsSolutions-IAM5\[Resource::<Attachments\w+\.Arn>\/meetings\/\*\]$/),
        expect.stringMatching(
          /^Moteinnkalling\/inbound-mail-role AwsSolutions-IAM5\[Resource::<Attachments\w+\.Arn>\/inbound\/\*\]$/,
        ),
        expect.stringMatching(
          /^Moteinnkalling\/send-worker-role AwsSolutions-IAM5\[Resource::<Attachments\w+\.Arn>\/previews\/\*\]$/,
        ),
      ]),
    );
  });
});

describe("CDK's CloudFormation template validation", () => {
  it("reports nothing (cdk synth skips it for speed; it runs here)", { timeout: 120_000 }, () => {
    for (const [, extra] of variants) {
      const { app } = synthApp(extra, { cloudFormationValidation: true });
      const assembly = app.synth();
      const report = JSON.parse(readFileSync(join(assembly.directory, "validation-report.json"), "utf8")) as {
        pluginReports: { violations?: unknown[] }[];
      };
      expect(report.pluginReports.flatMap((r) => r.violations ?? [])).toEqual([]);
    }
  });
});
