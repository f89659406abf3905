// Calendar answers in the synthesized stack: SES receives the ORGANIZER address, stores the message under inbound/, then
// invokes the inbound-mail function, which may read only inbound/ and is told the address.
import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { type Resource, synth } from "./synth.js";

describe("SES inbound for calendar answers", () => {
  let template: Template;
  beforeAll(() => {
    template = synth();
  });
  const of = (type: string) => Object.entries(template.findResources(type)) as [string, Resource][];

  it("has a receipt rule for the reply address with S3 (inbound/) then Lambda actions, scanning for spam and viruses", () => {
    expect(of("AWS::SES::ReceiptRuleSet")).toHaveLength(1);
    const [[, rule]] = of("AWS::SES::ReceiptRule") as [[string, Resource]];
    const r = rule.Properties.Rule;
    expect(r.Recipients).toHaveLength(1);
    expect(String(r.Recipients[0])).toMatch(/^svar@/);
    expect(r.ScanEnabled).toBe(true);
    expect(r.TlsPolicy).toBe("Require");
    expect(r.Actions.map((a: Record<string, unknown>) => Object.keys(a)[0])).toEqual(["S3Action", "LambdaAction"]);
    expect(r.Actions[0].S3Action.ObjectKeyPrefix).toBe("inbound/");
    const fnId = of("AWS::Lambda::Function").find(([id]) => id.startsWith("inboundmail"))![0];
    expect(r.Actions[1].LambdaAction).toMatchObject({ FunctionArn: { "Fn::GetAtt": [fnId, "Arn"] }, InvocationType: "Event" });
  });

  it("lets SES invoke the function, and the function read only inbound/ and know the reply address", () => {
    const fn = of("AWS::Lambda::Function").find(([id]) => id.startsWith("inboundmail"))!;
    const perms = of("AWS::Lambda::Permission").filter(([, p]) => p.Properties.Principal === "ses.amazonaws.com");
    expect(perms.map(([, p]) => p.Properties.FunctionName)).toContainEqual({ "Fn::GetAtt": [fn[0], "Arn"] });
    expect(String(fn[1].Properties.Environment.Variables.CALENDAR_REPLY_EMAIL)).toMatch(/^svar@/);
    const policies = of("AWS::IAM::Policy").filter(([id]) => id.startsWith("inboundmailrole"));
    const s3 = policies
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
      .filter((st: { Action: unknown }) => JSON.stringify(st.Action).includes("s3:"));
    expect(s3).toHaveLength(1);
    expect(s3[0].Action).toBe("s3:GetObject");
    expect(JSON.stringify(s3[0].Resource)).toContain("/inbound/*");
  });
});
