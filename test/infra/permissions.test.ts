// The functions' IAM permissions in the synthesized template: each function may do what its code does, nothing more.
import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { type Resource, synth } from "./synth.js";

describe("IAM: each function may do what its code does", () => {
  let template: Template;
  let resources: Record<string, Resource>;
  const idOf = (t: Template, type: string, prefix: string) =>
    Object.keys(t.findResources(type)).find((id) => id.startsWith(prefix))!;
  const fnId = (name: string) => idOf(template, "AWS::Lambda::Function", name.replace("-", ""));
  beforeAll(() => {
    template = synth();
    resources = template.toJSON().Resources;
  });

  type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };
  const statementsOf = (name: string): Statement[] => {
    const roleRef = resources[fnId(name)]!.Properties.Role["Fn::GetAtt"][0];
    const policies = Object.values(template.findResources("AWS::IAM::Policy")).filter((p: any) =>
      p.Properties.Roles.some((r: any) => r.Ref === roleRef),
    ) as Resource[];
    return policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
  };
  /** Every action a function's role may take, with the resources, from the attached policies. */
  const permissions = (name: string) =>
    statementsOf(name).flatMap((s) => [s.Action].flat().map((a) => ({ action: a, resource: JSON.stringify(s.Resource) })));
  const can = (name: string, action: string, resourceLike?: string) =>
    permissions(name).some(
      (p) =>
        (p.action === action || (p.action.endsWith("*") && action.startsWith(p.action.slice(0, -1)))) &&
        (!resourceLike || p.resource.includes(resourceLike)),
    );
  const bucketId = () => idOf(template, "AWS::S3::Bucket", "Attachments");
  const tableId = () => Object.keys(template.findResources("AWS::DynamoDB::Table"))[0]!;
  const names = ["reply", "api", "send-worker", "tick", "ses-events"];

  it("no wildcard actions (no dynamodb:*), no Scan, no managed policies; each function writes only its own log group", () => {
    const roles = Object.values(template.findResources("AWS::IAM::Role")) as Resource[];
    for (const r of roles) expect(r.Properties.ManagedPolicyArns ?? []).toEqual([]);
    for (const p of Object.values(template.findResources("AWS::IAM::Policy")) as Resource[]) {
      for (const s of p.Properties.PolicyDocument.Statement as Statement[])
        for (const a of [s.Action].flat()) expect(a).not.toContain("*");
    }
    for (const name of names) {
      expect(can(name, "dynamodb:Scan"), name).toBe(false);
      const logs = statementsOf(name).filter((s) => [s.Action].flat().some((a) => a.startsWith("logs:")));
      const logGroup = idOf(template, "AWS::Logs::LogGroup", `${name.replace("-", "")}logs`);
      expect(logs, name).toEqual([
        { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: { "Fn::GetAtt": [logGroup, "Arn"] } },
      ]);
    }
  });

  it("DynamoDB: the table and its named indexes (never index/*); ses-events only finds, updates and flags", () => {
    for (const name of names) {
      const resourcesOf = statementsOf(name)
        .filter((s) => [s.Action].flat().some((a) => a.startsWith("dynamodb:")))
        .flatMap((s) => [s.Resource].flat());
      expect(JSON.stringify(resourcesOf), name).not.toContain("index/*");
      expect(resourcesOf, name).toContainEqual({ "Fn::GetAtt": [tableId(), "Arn"] });
    }
    const actions = permissions("ses-events").filter((p) => p.action.startsWith("dynamodb:"));
    expect(actions.map((p) => p.action).sort()).toEqual([
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:Query",
      "dynamodb:UpdateItem",
    ]);
    expect(can("ses-events", "dynamodb:Query", "/index/GSI1")).toBe(true);
    expect(can("ses-events", "dynamodb:Query", "/index/GSI2")).toBe(false);
    expect(can("ses-events", "dynamodb:DeleteItem")).toBe(false);
    expect(can("tick", "dynamodb:Query", "/index/GSI2")).toBe(true);
  });

  it("only the send worker may send email: SendRawEmail as the sending identity, through the configuration set", () => {
    for (const f of ["reply", "api", "tick", "ses-events"])
      expect(
        permissions(f).some((p) => p.action.startsWith("ses:")),
        f,
      ).toBe(false);
    const ses = statementsOf("send-worker").filter((s) => [s.Action].flat().some((a) => a.startsWith("ses:")));
    expect(ses).toHaveLength(1);
    expect(ses[0]!.Action).toBe("ses:SendRawEmail");
    const arns = ([ses[0]!.Resource].flat() as { "Fn::Join": [string, unknown[]] }[]).map((r) =>
      (r["Fn::Join"][1] as unknown[]).map((p) => (typeof p === "string" ? p : JSON.stringify(p))).join(""),
    );
    expect(arns.sort()).toEqual(
      [
        `arn:{"Ref":"AWS::Partition"}:ses:{"Ref":"AWS::Region"}:{"Ref":"AWS::AccountId"}:identity/example.org`,
        `arn:{"Ref":"AWS::Partition"}:ses:{"Ref":"AWS::Region"}:{"Ref":"AWS::AccountId"}:identity/sekretariat@example.org`,
        `arn:{"Ref":"AWS::Partition"}:ses:{"Ref":"AWS::Region"}:{"Ref":"AWS::AccountId"}:configuration-set/{"Ref":"${idOf(template, "AWS::SES::ConfigurationSet", "ConfigurationSet")}"}`,
      ].sort(),
    );
    expect(JSON.stringify(ses)).not.toContain("identity/*");
  });

  it("S3: the api and reply (attachments) read; the api and the worker (previews only) write objects; only the api deletes or lists, under meetings/", () => {
    expect(can("api", "s3:GetObject", bucketId())).toBe(true);
    expect(can("api", "s3:PutObject", bucketId())).toBe(true);
    expect(can("api", "s3:DeleteObject", "/meetings/*")).toBe(true);
    expect(
      permissions("api")
        .filter((p) => p.action === "s3:DeleteObject")
        .map((p) => p.resource),
    ).toEqual([expect.stringContaining("/meetings/*")]);
    const list = statementsOf("api").find((x) => [x.Action].flat().includes("s3:ListBucket")) as unknown as {
      Condition: unknown;
    };
    expect(list.Condition).toEqual({ StringLike: { "s3:prefix": ["meetings/*"] } });
    expect(can("send-worker", "s3:PutObject", "/previews/*")).toBe(true);
    expect(
      permissions("send-worker")
        .filter((p) => p.action.startsWith("s3:"))
        .map((p) => p.action),
    ).toEqual(["s3:PutObject"]);
    // reply only reads attachments (presigned downloads), under meetings/.
    expect(permissions("reply").filter((p) => p.action.startsWith("s3:"))).toEqual([
      { action: "s3:GetObject", resource: expect.stringContaining("/meetings/*") },
    ]);
    for (const f of ["send-worker", "tick", "ses-events"]) {
      expect(can(f, "s3:GetObject"), f).toBe(false);
      expect(can(f, "s3:DeleteObject"), f).toBe(false);
      expect(can(f, "s3:ListBucket"), f).toBe(false);
    }
  });

  it("the attachments bucket is versioned, expires unrecorded uploads, and lets the app's origin post to it", () => {
    const bucket = template.findResources("AWS::S3::Bucket")[bucketId()] as Resource;
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: "Enabled" });
    const rules = (
      bucket.Properties.LifecycleConfiguration as { Rules: { Id: string; TagFilters?: unknown; ExpirationInDays?: number }[] }
    ).Rules;
    expect(rules.find((r) => r.Id === "unrecorded-uploads")).toMatchObject({
      TagFilters: [{ Key: "upload", Value: "pending" }],
      ExpirationInDays: 1,
    });
    expect(rules.map((r) => r.Id)).toEqual(expect.arrayContaining(["old-versions", "incomplete-multipart"]));
    const cors = (bucket.Properties.CorsConfiguration as { CorsRules: { AllowedMethods: string[]; AllowedOrigins: unknown[] }[] })
      .CorsRules;
    expect(cors).toHaveLength(1);
    expect(cors[0]!.AllowedMethods).toEqual(["POST"]);
    expect(JSON.stringify(cors[0]!.AllowedOrigins)).toContain("ApiEndpoint");
  });

  it("the queue: reply, api and tick send, the worker only consumes; the secret: only reply, api and the worker", () => {
    expect(can("api", "sqs:SendMessage")).toBe(true);
    expect(can("tick", "sqs:SendMessage")).toBe(true);
    expect(can("send-worker", "sqs:SendMessage")).toBe(false);
    expect(can("send-worker", "sqs:ReceiveMessage")).toBe(true);
    expect(can("ses-events", "sqs:SendMessage")).toBe(false);
    expect(can("reply", "sqs:SendMessage")).toBe(true);
    expect(can("reply", "sqs:ReceiveMessage")).toBe(false);
    expect(can("reply", "secretsmanager:GetSecretValue")).toBe(true);
    expect(can("reply", "dynamodb:Query", "/index/GSI1")).toBe(true);
    expect(can("reply", "dynamodb:Query", "/index/GSI2")).toBe(false);
    expect(can("api", "secretsmanager:GetSecretValue")).toBe(true);
    expect(can("send-worker", "secretsmanager:GetSecretValue")).toBe(true);
    expect(can("tick", "secretsmanager:GetSecretValue")).toBe(false);
    expect(can("ses-events", "secretsmanager:GetSecretValue")).toBe(false);
  });
});
