import { Match, Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import cdkJson from "../../cdk.json" with { type: "json" };
import { buildApp } from "../../infra/app.js";
import { tableSchema } from "../../shared/store/table-schema.js";

/**
 * The synthesized CloudFormation template, asserted with aws-cdk-lib/assertions. Bundling is
 * skipped ("aws:cdk:bundling-stacks": []) so this stays fast; bench/coldstart bundles for real.
 */
const defaults = Object.fromEntries(Object.entries(cdkJson.context).filter(([k]) => !k.startsWith("@")));
const synth = (extra: Record<string, unknown> = {}) =>
  Template.fromStack(buildApp({ ...defaults, "aws:cdk:bundling-stacks": [], ...extra }).stack);

type Resource = { Type: string; Properties: Record<string, any> };

describe("CDK stack", () => {
  let template: Template;
  let resources: Record<string, Resource>;
  const fnId = (name: string) => Object.keys(template.findResources("AWS::Lambda::Function")).find((id) => id.startsWith(name.replace("-", "")))!;
  beforeAll(() => {
    template = synth();
    resources = template.toJSON().Resources;
  });

  it("has the table from the shared key schema: on-demand, PITR, TTL, retained", () => {
    template.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Retain",
      Properties: {
        KeySchema: [
          { AttributeName: tableSchema.partitionKey, KeyType: "HASH" },
          { AttributeName: tableSchema.sortKey, KeyType: "RANGE" },
        ],
        BillingMode: "PAY_PER_REQUEST",
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: tableSchema.ttlAttribute, Enabled: true },
        GlobalSecondaryIndexes: tableSchema.globalIndexes.map((g) =>
          Match.objectLike({
            IndexName: g.name,
            KeySchema: [
              { AttributeName: g.partitionKey, KeyType: "HASH" },
              { AttributeName: g.sortKey, KeyType: "RANGE" },
            ],
          }),
        ),
      },
    });
  });

  it("has a private bucket: public access blocked, TLS enforced, retained", () => {
    template.hasResource("AWS::S3::Bucket", {
      DeletionPolicy: "Retain",
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      }),
    });
    template.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } })]) },
    });
  });

  it("routes the HTTP API to the api function", () => {
    template.resourceCountIs("AWS::ApiGatewayV2::Api", 1);
    template.hasResourceProperties("AWS::ApiGatewayV2::Api", { ProtocolType: "HTTP" });
    template.hasResourceProperties("AWS::ApiGatewayV2::Integration", {
      IntegrationType: "AWS_PROXY",
      IntegrationUri: { "Fn::GetAtt": [fnId("api"), "Arn"] },
    });
  });

  it("wires the send queue to its dead-letter queue and the send worker (partial batch failures, max concurrency)", () => {
    const queues = Object.entries(template.findResources("AWS::SQS::Queue")) as [string, Resource][];
    const main = queues.find(([, q]) => q.Properties.RedrivePolicy)!;
    const dlq = queues.find(([, q]) => !q.Properties.RedrivePolicy)!;
    expect(main[1].Properties.RedrivePolicy).toEqual({ deadLetterTargetArn: { "Fn::GetAtt": [dlq[0], "Arn"] }, maxReceiveCount: 5 });
    template.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      EventSourceArn: { "Fn::GetAtt": [main[0], "Arn"] },
      FunctionName: { Ref: fnId("send-worker") },
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
    const custom = synth({ sendWorkerConcurrency: 7 });
    custom.hasResourceProperties("AWS::Lambda::EventSourceMapping", { ScalingConfig: { MaximumConcurrency: 7 } });
    custom.hasResourceProperties("AWS::Lambda::Function", { Environment: { Variables: Match.objectLike({ SEND_WORKER_CONCURRENCY: "7" }) } });
  });

  it("runs tick every minute, and feeds SES events through SNS to ses-events", () => {
    template.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: "rate(1 minute)",
      Targets: [Match.objectLike({ Arn: { "Fn::GetAtt": [fnId("tick"), "Arn"] } })],
    });
    template.resourceCountIs("AWS::SES::ConfigurationSet", 1);
    template.hasResourceProperties("AWS::SES::ConfigurationSetEventDestination", {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: Match.arrayWith(["delivery", "bounce", "complaint"]),
        SnsDestination: Match.anyValue(),
      }),
    });
    template.hasResourceProperties("AWS::SNS::Subscription", { Protocol: "lambda", Endpoint: { "Fn::GetAtt": [fnId("ses-events"), "Arn"] } });
  });

  it("has the link-signing secret, alarms on dead letters and Lambda errors, and log retention", () => {
    template.resourceCountIs("AWS::SecretsManager::Secret", 1);
    template.hasResourceProperties("AWS::CloudWatch::Alarm", { MetricName: "ApproximateNumberOfMessagesVisible", Threshold: 1 });
    const errorAlarms = Object.values(template.findResources("AWS::CloudWatch::Alarm")).filter((a: any) => a.Properties.MetricName === "Errors");
    expect(errorAlarms).toHaveLength(4);
    const logGroups = Object.values(template.findResources("AWS::Logs::LogGroup")) as Resource[];
    expect(logGroups).toHaveLength(4);
    for (const g of logGroups) expect(g.Properties.RetentionInDays).toBe(30);
  });

  it("runs every function on nodejs22.x or newer, arm64, with the configuration it needs", () => {
    const fns = Object.values(template.findResources("AWS::Lambda::Function")) as Resource[];
    const ours = fns.filter((f) => f.Properties.Environment?.Variables?.APP_ENV === "aws");
    expect(ours).toHaveLength(4);
    for (const f of ours) {
      expect(Number(/^nodejs(\d+)\.x$/.exec(f.Properties.Runtime)?.[1])).toBeGreaterThanOrEqual(22);
      expect(f.Properties.Architectures).toEqual(["arm64"]);
      expect(Object.keys(f.Properties.Environment.Variables)).toEqual(expect.arrayContaining(["TABLE_NAME", "BASE_URL", "SENDER_EMAIL", "SES_MAX_SEND_RATE", "QUEUE_URL", "BUCKET_NAME", "LINK_SECRET_ARN"]));
    }
  });

  describe("least privilege", () => {
    /** Every action a function's role may take, with the resources, from the attached policies. */
    const permissions = (name: string) => {
      const roleRef = resources[fnId(name)]!.Properties.Role["Fn::GetAtt"][0];
      const policies = Object.values(template.findResources("AWS::IAM::Policy")).filter((p: any) => p.Properties.Roles.some((r: any) => r.Ref === roleRef)) as Resource[];
      return policies.flatMap((p) => p.Properties.PolicyDocument.Statement).flatMap((s: any) => [s.Action].flat().map((a: string) => ({ action: a, resource: JSON.stringify(s.Resource) })));
    };
    const can = (name: string, action: string, resourceLike?: string) =>
      permissions(name).some((p) => (p.action === action || (p.action.endsWith("*") && action.startsWith(p.action.slice(0, -1)))) && (!resourceLike || p.resource.includes(resourceLike)));
    const bucketId = () => Object.keys(template.findResources("AWS::S3::Bucket"))[0]!;

    it("only the send worker may send email", () => {
      expect(can("send-worker", "ses:SendRawEmail")).toBe(true);
      for (const f of ["api", "tick", "ses-events"]) expect(can(f, "ses:SendRawEmail"), f).toBe(false);
    });

    it("nothing but the api reads the bucket", () => {
      expect(can("api", "s3:GetObject", bucketId())).toBe(true);
      for (const f of ["send-worker", "tick", "ses-events"]) expect(can(f, "s3:GetObject"), f).toBe(false);
    });

    it("ses-events only touches the table; only api and the worker read the secret", () => {
      const actions = permissions("ses-events").map((p) => p.action);
      expect(actions.every((a) => a.startsWith("dynamodb:"))).toBe(true);
      expect(can("api", "secretsmanager:GetSecretValue")).toBe(true);
      expect(can("send-worker", "secretsmanager:GetSecretValue")).toBe(true);
      expect(can("tick", "secretsmanager:GetSecretValue")).toBe(false);
      expect(can("ses-events", "sqs:SendMessage")).toBe(false);
    });
  });

  it("stops with a message naming a bad context value", () => {
    expect(() => synth({ sesMaxSendRate: "abc" })).toThrow(/sesMaxSendRate/);
    expect(() => synth({ senderEmail: "ikke-epost" })).toThrow(/senderEmail/);
  });
});
