// The synthesized CloudFormation template: table, buckets, send queue, SES, schedule, secret, logs and functions.
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { tableSchema } from "../../shared/store/table-schema.js";
import { type Resource, synth } from "./synth.js";
import { functionId, idOf, lambdas } from "./template-lookup.js";

/** The synthesized CloudFormation template, asserted with aws-cdk-lib/assertions. */
describe("CDK stack", () => {
  let template: Template;
  let resources: Record<string, Resource>;
  const fnId = (name: string) => functionId(template, name);
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

  it("has a private bucket: public access blocked, TLS enforced, retained, access logged", () => {
    const attachments = idOf(template, "AWS::S3::Bucket", "Attachments");
    const accessLogs = idOf(template, "AWS::S3::Bucket", "AccessLogs");
    template.hasResource("AWS::S3::Bucket", {
      DeletionPolicy: "Retain",
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        LoggingConfiguration: { DestinationBucketName: { Ref: accessLogs }, LogFilePrefix: "attachments/" },
      }),
    });
    template.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
        ]),
      },
    });
    // Log delivery by bucket policy, only from the attachments bucket; the logs expire with the other logs.
    template.hasResourceProperties("AWS::S3::BucketPolicy", {
      Bucket: { Ref: accessLogs },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: "Allow",
            Principal: { Service: "logging.s3.amazonaws.com" },
            Action: "s3:PutObject",
            Condition: Match.objectLike({ ArnLike: { "aws:SourceArn": { "Fn::GetAtt": [attachments, "Arn"] } } }),
          }),
        ]),
      },
    });
    expect(resources[accessLogs]!.Properties.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ ExpirationInDays: 30, Status: "Enabled" }),
    ]);
  });

  it("wires the send queue to its dead-letter queue and the send worker (partial batch failures, max concurrency)", () => {
    const main = idOf(template, "AWS::SQS::Queue", "SendQueue");
    const dlq = idOf(template, "AWS::SQS::Queue", "SendDeadLetters");
    expect(resources[main]!.Properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: { "Fn::GetAtt": [dlq, "Arn"] },
      maxReceiveCount: 5,
    });
    template.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      EventSourceArn: { "Fn::GetAtt": [main, "Arn"] },
      FunctionName: { Ref: fnId("send-worker") },
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
    const custom = synth({ sendWorkerConcurrency: 7 });
    custom.hasResourceProperties("AWS::Lambda::EventSourceMapping", { ScalingConfig: { MaximumConcurrency: 7 } });
    custom.hasResourceProperties("AWS::Lambda::Function", {
      Environment: { Variables: Match.objectLike({ SEND_WORKER_CONCURRENCY: "7" }) },
    });
  });

  describe("SES", () => {
    it("has the sending domain as identity: Easy DKIM, MAIL FROM bounce.<domain>, the configuration set as default", () => {
      const configSet = idOf(template, "AWS::SES::ConfigurationSet", "ConfigurationSet");
      template.resourceCountIs("AWS::SES::EmailIdentity", 1);
      template.hasResourceProperties("AWS::SES::EmailIdentity", {
        EmailIdentity: "example.org", // from senderEmail sekretariat@example.org
        DkimAttributes: { SigningEnabled: true },
        MailFromAttributes: { MailFromDomain: "bounce.example.org", BehaviorOnMxFailure: "USE_DEFAULT_VALUE" },
        ConfigurationSetAttributes: { ConfigurationSetName: { Ref: configSet } },
      });
      const identity = (Object.values(template.findResources("AWS::SES::EmailIdentity"))[0] as Resource).Properties;
      expect(identity.DkimSigningAttributes).toBeUndefined(); // no own key (BYODKIM): Easy DKIM
      template.hasResourceProperties("AWS::SES::ConfigurationSet", { ReputationOptions: { ReputationMetricsEnabled: true } });
    });

    it("takes the sending domain and MAIL FROM subdomain from context, and refuses a sender outside the domain", () => {
      const t = synth({
        senderEmail: "sekretariat@moter.vestregionen.no",
        sendingDomain: "vestregionen.no",
        mailFromSubdomain: "retur",
      });
      t.hasResourceProperties("AWS::SES::EmailIdentity", {
        EmailIdentity: "vestregionen.no",
        MailFromAttributes: Match.objectLike({ MailFromDomain: "retur.vestregionen.no" }),
      });
      expect(() => synth({ senderEmail: "sekretariat@vestregionen.no", sendingDomain: "annet.no" })).toThrow(/«sendingDomain»/);
      expect(() => synth({ mailFromSubdomain: "a.b" })).toThrow(/«mailFromSubdomain»/);
    });

    it("outputs the DNS records to add: three DKIM CNAMEs, the MAIL FROM MX and SPF", () => {
      const identity = idOf(template, "AWS::SES::EmailIdentity", "SendingDomain");
      for (const i of [1, 2, 3]) {
        template.hasOutput(`DkimCname${i}`, {
          Value: {
            "Fn::Join": [
              "",
              [
                { "Fn::GetAtt": [identity, `DkimDNSTokenName${i}`] },
                " CNAME ",
                { "Fn::GetAtt": [identity, `DkimDNSTokenValue${i}`] },
              ],
            ],
          },
        });
      }
      template.hasOutput("MailFromMx", {
        Value: { "Fn::Join": ["", ["bounce.example.org MX 10 feedback-smtp.", { Ref: "AWS::Region" }, ".amazonses.com"]] },
      });
      template.hasOutput("MailFromSpf", { Value: 'bounce.example.org TXT "v=spf1 include:amazonses.com ~all"' });
    });

    it("feeds SES events through SNS to ses-events, with a dead-letter queue on that subscription", () => {
      template.resourceCountIs("AWS::SES::ConfigurationSet", 1);
      const topic = idOf(template, "AWS::SNS::Topic", "SesEvents");
      template.hasResourceProperties("AWS::SES::ConfigurationSetEventDestination", {
        EventDestination: Match.objectLike({
          Enabled: true,
          MatchingEventTypes: ["delivery", "bounce", "complaint", "reject", "deliveryDelay"],
          SnsDestination: { TopicARN: { Ref: topic } },
        }),
      });
      const dlq = idOf(template, "AWS::SQS::Queue", "SesEventsDeadLetters");
      template.hasResourceProperties("AWS::SNS::Subscription", {
        Protocol: "lambda",
        TopicArn: { Ref: topic },
        Endpoint: { "Fn::GetAtt": [fnId("ses-events"), "Arn"] },
        RedrivePolicy: { deadLetterTargetArn: { "Fn::GetAtt": [dlq, "Arn"] } },
      });
      // SNS may put failed deliveries there, and nothing else may (only over TLS, only from that topic).
      template.hasResourceProperties("AWS::SQS::QueuePolicy", {
        Queues: [{ Ref: dlq }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: "Allow",
              Principal: { Service: "sns.amazonaws.com" },
              Action: "sqs:SendMessage",
              Condition: { ArnEquals: { "aws:SourceArn": { Ref: topic } } },
            }),
          ]),
        },
      });
    });
  });

  it("runs tick every minute", () => {
    template.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: "rate(1 minute)",
      Targets: [Match.objectLike({ Arn: { "Fn::GetAtt": [fnId("tick"), "Arn"] } })],
    });
  });

  it("has the link-signing secret, and log retention on every log group", () => {
    template.resourceCountIs("AWS::SecretsManager::Secret", 1);
    const logGroups = Object.values(template.findResources("AWS::Logs::LogGroup")) as Resource[];
    expect(logGroups).toHaveLength(7); // six functions and the API access log
    for (const g of logGroups) expect(g.Properties.RetentionInDays).toBe(30);
  });

  it("runs every function on nodejs22.x or newer, arm64, with the configuration it needs", () => {
    const fns = lambdas(template);
    expect(fns).toHaveLength(6);
    for (const f of fns) {
      expect(Number(/^nodejs(\d+)\.x$/.exec(f.Properties.Runtime)?.[1])).toBeGreaterThanOrEqual(22);
      expect(f.Properties.Architectures).toEqual(["arm64"]);
      expect(f.Properties.Handler).toBe("index.handler");
      expect(Object.keys(f.Properties.Environment.Variables)).toEqual(
        expect.arrayContaining([
          "TABLE_NAME",
          "BASE_URL",
          "SENDER_EMAIL",
          "SES_MAX_SEND_RATE",
          "SES_CONFIGURATION_SET",
          "QUEUE_URL",
          "BUCKET_NAME",
          "LINK_SECRET_ARN",
        ]),
      );
    }
  });

  it("stops with a message naming a bad context value", () => {
    expect(() => synth({ sesMaxSendRate: "abc" })).toThrow(/sesMaxSendRate/);
    expect(() => synth({ senderEmail: "ikke-epost" })).toThrow(/senderEmail/);
  });
});
