import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { apiThrottle } from "../../infra/stack.js";
import { tableSchema } from "../../shared/store/table-schema.js";
import { type Resource, synth, withDomain } from "./synth.js";

/** The synthesized CloudFormation template, asserted with aws-cdk-lib/assertions. */
describe("CDK stack", () => {
  let template: Template;
  let resources: Record<string, Resource>;
  const idOf = (t: Template, type: string, prefix: string) => Object.keys(t.findResources(type)).find((id) => id.startsWith(prefix))!;
  const fnId = (name: string) => idOf(template, "AWS::Lambda::Function", name.replace("-", ""));
  const lambdas = (t: Template) => (Object.values(t.findResources("AWS::Lambda::Function")) as Resource[]).filter((f) => f.Properties.Environment?.Variables?.APP_ENV === "aws");
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
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        LoggingConfiguration: { DestinationBucketName: { Ref: accessLogs }, LogFilePrefix: "attachments/" },
      }),
    });
    template.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } })]) },
    });
    // Log delivery by bucket policy, only from the attachments bucket; the logs expire with the other logs.
    template.hasResourceProperties("AWS::S3::BucketPolicy", {
      Bucket: { Ref: accessLogs },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject", Condition: Match.objectLike({ ArnLike: { "aws:SourceArn": { "Fn::GetAtt": [attachments, "Arn"] } } }) }),
        ]),
      },
    });
    expect(resources[accessLogs]!.Properties.LifecycleConfiguration.Rules).toEqual([expect.objectContaining({ ExpirationInDays: 30, Status: "Enabled" })]);
  });

  it("routes the HTTP API to the api function: $default plus explicit POST /logg-inn and POST /r/{token}", () => {
    template.resourceCountIs("AWS::ApiGatewayV2::Api", 1);
    template.hasResourceProperties("AWS::ApiGatewayV2::Api", { ProtocolType: "HTTP" });
    template.resourceCountIs("AWS::ApiGatewayV2::Integration", 1);
    template.hasResourceProperties("AWS::ApiGatewayV2::Integration", {
      IntegrationType: "AWS_PROXY",
      IntegrationUri: { "Fn::GetAtt": [fnId("api"), "Arn"] },
    });
    const integration = Object.keys(template.findResources("AWS::ApiGatewayV2::Integration"))[0]!;
    const routes = Object.values(template.findResources("AWS::ApiGatewayV2::Route")) as Resource[];
    expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual(["$default", "POST /logg-inn", "POST /r/{token}"]);
    for (const r of routes) expect(r.Properties.Target).toEqual({ "Fn::Join": ["", ["integrations/", { Ref: integration }]] });
  });

  describe("throttling at the stage", () => {
    it("has a default stage throttle and lower per-route throttles for the two public form posts", () => {
      const stages = Object.values(template.findResources("AWS::ApiGatewayV2::Stage")) as Resource[];
      expect(stages).toHaveLength(1);
      const stage = stages[0]!.Properties;
      expect(stage.StageName).toBe("$default");
      expect(stage.AutoDeploy).toBe(true);
      expect(stage.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
      expect(stage.RouteSettings).toEqual({
        "POST /logg-inn": { ThrottlingRateLimit: 1, ThrottlingBurstLimit: 5 },
        "POST /r/{token}": { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 20 },
      });
      for (const [key, t] of Object.entries(apiThrottle.routes)) {
        expect(t.rateLimit).toBeLessThan(apiThrottle.stage.rateLimit);
        expect(stage.RouteSettings[key].ThrottlingRateLimit).toBe(t.rateLimit);
      }
    });

    it("creates the stage after the routes its settings name", () => {
      const [stageId, stage] = Object.entries(template.findResources("AWS::ApiGatewayV2::Stage"))[0] as [string, Resource];
      const routeIds = Object.keys(template.findResources("AWS::ApiGatewayV2::Route"));
      expect(stage.DependsOn).toEqual(expect.arrayContaining(routeIds));
      expect(stageId).toMatch(/^HttpApiDefaultStage/); // same logical id as the stage HttpApi used to create: updated in place
    });

    it("writes an access log that never holds the path (personal link tokens are in it)", () => {
      const stage = (Object.values(template.findResources("AWS::ApiGatewayV2::Stage"))[0] as Resource).Properties;
      const logGroup = idOf(template, "AWS::Logs::LogGroup", "ApiAccessLogs");
      expect(stage.AccessLogSettings.DestinationArn).toEqual({ "Fn::GetAtt": [logGroup, "Arn"] });
      const format = JSON.parse(stage.AccessLogSettings.Format) as Record<string, string>;
      expect(format).toMatchObject({ requestId: "$context.requestId", routeKey: "$context.routeKey", status: "$context.status" });
      expect(stage.AccessLogSettings.Format).not.toMatch(/\$context\.(path|resourcePath)/);
    });
  });

  describe("BASE_URL: one deploy", () => {
    it("without a custom domain, is the HTTP API's own URL (no second deploy, no placeholder)", () => {
      const api = Object.keys(template.findResources("AWS::ApiGatewayV2::Api"))[0]!;
      const fns = lambdas(template);
      expect(fns).toHaveLength(4);
      for (const f of fns) expect(f.Properties.Environment.Variables.BASE_URL).toEqual({ "Fn::GetAtt": [api, "ApiEndpoint"] });
      template.resourceCountIs("AWS::ApiGatewayV2::DomainName", 0);
      template.resourceCountIs("AWS::ApiGatewayV2::ApiMapping", 0);
      template.hasOutput("BaseUrl", { Value: { "Fn::GetAtt": [api, "ApiEndpoint"] } });
    });

    it("with domainName and certificateArn, is https://<domainName>, served by an API Gateway custom domain mapped to the stage", () => {
      const t = synth(withDomain);
      for (const f of lambdas(t)) expect(f.Properties.Environment.Variables.BASE_URL).toBe("https://moter.vestregionen.no");
      t.hasResourceProperties("AWS::ApiGatewayV2::DomainName", {
        DomainName: "moter.vestregionen.no",
        DomainNameConfigurations: [Match.objectLike({ CertificateArn: withDomain.certificateArn, EndpointType: "REGIONAL", SecurityPolicy: "TLS_1_2" })],
      });
      const api = Object.keys(t.findResources("AWS::ApiGatewayV2::Api"))[0]!;
      const stage = Object.keys(t.findResources("AWS::ApiGatewayV2::Stage"))[0]!;
      const domain = Object.keys(t.findResources("AWS::ApiGatewayV2::DomainName"))[0]!;
      t.hasResource("AWS::ApiGatewayV2::ApiMapping", { Properties: { ApiId: { Ref: api }, DomainName: { Ref: domain }, Stage: "$default" }, DependsOn: Match.arrayWith([stage]) });
      t.hasOutput("BaseUrl", { Value: "https://moter.vestregionen.no" });
      t.hasOutput("CustomDomainCname", { Value: { "Fn::Join": ["", ["moter.vestregionen.no CNAME ", { "Fn::GetAtt": [domain, "RegionalDomainName"] }]] } });
    });

    it("accepts an explicit baseUrl only as https://<domainName>", () => {
      const t = synth({ ...withDomain, baseUrl: "https://moter.vestregionen.no/" });
      for (const f of lambdas(t)) expect(f.Properties.Environment.Variables.BASE_URL).toBe("https://moter.vestregionen.no");
      expect(() => synth({ baseUrl: "https://moter.example.org" })).toThrow(/«baseUrl».*domainName/);
      expect(() => synth({ ...withDomain, baseUrl: "https://annet.vestregionen.no" })).toThrow(/«baseUrl».*https:\/\/moter\.vestregionen\.no/);
      expect(() => synth({ domainName: "moter.vestregionen.no" })).toThrow(/«certificateArn»/);
      expect(() => synth({ certificateArn: withDomain.certificateArn })).toThrow(/«domainName»/);
      expect(() => synth({ domainName: "moter.vestregionen.no", certificateArn: "sertifikat" })).toThrow(/«certificateArn»/);
    });
  });

  it("wires the send queue to its dead-letter queue and the send worker (partial batch failures, max concurrency)", () => {
    const main = idOf(template, "AWS::SQS::Queue", "SendQueue");
    const dlq = idOf(template, "AWS::SQS::Queue", "SendDeadLetters");
    expect(resources[main]!.Properties.RedrivePolicy).toEqual({ deadLetterTargetArn: { "Fn::GetAtt": [dlq, "Arn"] }, maxReceiveCount: 5 });
    template.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      EventSourceArn: { "Fn::GetAtt": [main, "Arn"] },
      FunctionName: { Ref: fnId("send-worker") },
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
    const custom = synth({ sendWorkerConcurrency: 7 });
    custom.hasResourceProperties("AWS::Lambda::EventSourceMapping", { ScalingConfig: { MaximumConcurrency: 7 } });
    custom.hasResourceProperties("AWS::Lambda::Function", { Environment: { Variables: Match.objectLike({ SEND_WORKER_CONCURRENCY: "7" }) } });
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
      const t = synth({ senderEmail: "sekretariat@moter.vestregionen.no", sendingDomain: "vestregionen.no", mailFromSubdomain: "retur" });
      t.hasResourceProperties("AWS::SES::EmailIdentity", { EmailIdentity: "vestregionen.no", MailFromAttributes: Match.objectLike({ MailFromDomain: "retur.vestregionen.no" }) });
      expect(() => synth({ senderEmail: "sekretariat@vestregionen.no", sendingDomain: "annet.no" })).toThrow(/«sendingDomain»/);
      expect(() => synth({ mailFromSubdomain: "a.b" })).toThrow(/«mailFromSubdomain»/);
    });

    it("outputs the DNS records to add: three DKIM CNAMEs, the MAIL FROM MX and SPF", () => {
      const identity = idOf(template, "AWS::SES::EmailIdentity", "SendingDomain");
      for (const i of [1, 2, 3]) {
        template.hasOutput(`DkimCname${i}`, {
          Value: { "Fn::Join": ["", [{ "Fn::GetAtt": [identity, `DkimDNSTokenName${i}`] }, " CNAME ", { "Fn::GetAtt": [identity, `DkimDNSTokenValue${i}`] }]] },
        });
      }
      template.hasOutput("MailFromMx", { Value: { "Fn::Join": ["", ["bounce.example.org MX 10 feedback-smtp.", { Ref: "AWS::Region" }, ".amazonses.com"]] } });
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
          Statement: Match.arrayWith([Match.objectLike({ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Condition: { ArnEquals: { "aws:SourceArn": { Ref: topic } } } })]),
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

  describe("alarms go somewhere", () => {
    const alarms = (t: Template) => Object.values(t.findResources("AWS::CloudWatch::Alarm")).map((a) => (a as Resource).Properties);

    it("sends every alarm (and its all-clear) to the alarm topic, which CloudWatch may publish to", () => {
      const topic = idOf(template, "AWS::SNS::Topic", "Alarms");
      const all = alarms(template);
      expect(all.length).toBe(9);
      for (const a of all) {
        expect(a.AlarmActions, a.AlarmDescription).toEqual([{ Ref: topic }]);
        expect(a.OKActions, a.AlarmDescription).toEqual([{ Ref: topic }]);
      }
      template.hasResourceProperties("AWS::SNS::TopicPolicy", {
        Topics: [{ Ref: topic }],
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: "sns:Publish" })]) },
      });
    });

    it("emails the topic to alarmEmail when given, and subscribes nobody without it", () => {
      template.resourcePropertiesCountIs("AWS::SNS::Subscription", { Protocol: "email" }, 0);
      const t = synth(withDomain);
      const topic = idOf(t, "AWS::SNS::Topic", "Alarms");
      t.resourcePropertiesCountIs("AWS::SNS::Subscription", { Protocol: "email" }, 1);
      t.hasResourceProperties("AWS::SNS::Subscription", { Protocol: "email", Endpoint: "drift@vestregionen.no", TopicArn: { Ref: topic } });
      expect(() => synth({ alarmEmail: "drift" })).toThrow(/«alarmEmail»/);
      synth({ alarmEmail: "" }).resourcePropertiesCountIs("AWS::SNS::Subscription", { Protocol: "email" }, 0);
    });

    it("alarms on each dead-letter queue, at the first message", () => {
      for (const q of ["SendDeadLetters", "SesEventsDeadLetters"]) {
        const queue = idOf(template, "AWS::SQS::Queue", q);
        template.hasResourceProperties("AWS::CloudWatch::Alarm", {
          Namespace: "AWS/SQS",
          MetricName: "ApproximateNumberOfMessagesVisible",
          Dimensions: [{ Name: "QueueName", Value: { "Fn::GetAtt": [queue, "QueueName"] } }],
          Threshold: 1,
          ComparisonOperator: "GreaterThanOrEqualToThreshold",
        });
      }
    });

    it("alarms on each Lambda's errors", () => {
      for (const name of ["api", "send-worker", "tick", "ses-events"]) {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", {
          Namespace: "AWS/Lambda",
          MetricName: "Errors",
          Dimensions: [{ Name: "FunctionName", Value: { Ref: fnId(name) } }],
          Threshold: 1,
          ComparisonOperator: "GreaterThanOrEqualToThreshold",
        });
      }
    });

    it("alarms on SES reputation: bounce rate ≥ 5 % and complaint rate ≥ 0.1 %", () => {
      template.hasResourceProperties("AWS::CloudWatch::Alarm", { Namespace: "AWS/SES", MetricName: "Reputation.BounceRate", Threshold: 0.05, ComparisonOperator: "GreaterThanOrEqualToThreshold" });
      template.hasResourceProperties("AWS::CloudWatch::Alarm", { Namespace: "AWS/SES", MetricName: "Reputation.ComplaintRate", Threshold: 0.001, ComparisonOperator: "GreaterThanOrEqualToThreshold" });
    });

    it("alarms on the API's 5xx answers (an error page is not a Lambda error)", () => {
      const api = Object.keys(template.findResources("AWS::ApiGatewayV2::Api"))[0]!;
      template.hasResourceProperties("AWS::CloudWatch::Alarm", { Namespace: "AWS/ApiGateway", MetricName: "5xx", Dimensions: [{ Name: "ApiId", Value: { Ref: api } }], Threshold: 1 });
    });
  });

  it("has the link-signing secret, and log retention on every log group", () => {
    template.resourceCountIs("AWS::SecretsManager::Secret", 1);
    const logGroups = Object.values(template.findResources("AWS::Logs::LogGroup")) as Resource[];
    expect(logGroups).toHaveLength(5); // four functions and the API access log
    for (const g of logGroups) expect(g.Properties.RetentionInDays).toBe(30);
  });

  it("runs every function on nodejs22.x or newer, arm64, with the configuration it needs", () => {
    const fns = lambdas(template);
    expect(fns).toHaveLength(4);
    for (const f of fns) {
      expect(Number(/^nodejs(\d+)\.x$/.exec(f.Properties.Runtime)?.[1])).toBeGreaterThanOrEqual(22);
      expect(f.Properties.Architectures).toEqual(["arm64"]);
      expect(f.Properties.Handler).toBe("index.handler");
      expect(Object.keys(f.Properties.Environment.Variables)).toEqual(
        expect.arrayContaining(["TABLE_NAME", "BASE_URL", "SENDER_EMAIL", "SES_MAX_SEND_RATE", "SES_CONFIGURATION_SET", "QUEUE_URL", "BUCKET_NAME", "LINK_SECRET_ARN"]),
      );
    }
  });

  describe("IAM: each function may do what its code does", () => {
    type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };
    const statementsOf = (name: string): Statement[] => {
      const roleRef = resources[fnId(name)]!.Properties.Role["Fn::GetAtt"][0];
      const policies = Object.values(template.findResources("AWS::IAM::Policy")).filter((p: any) => p.Properties.Roles.some((r: any) => r.Ref === roleRef)) as Resource[];
      return policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
    };
    /** Every action a function's role may take, with the resources, from the attached policies. */
    const permissions = (name: string) => statementsOf(name).flatMap((s) => [s.Action].flat().map((a) => ({ action: a, resource: JSON.stringify(s.Resource) })));
    const can = (name: string, action: string, resourceLike?: string) =>
      permissions(name).some((p) => (p.action === action || (p.action.endsWith("*") && action.startsWith(p.action.slice(0, -1)))) && (!resourceLike || p.resource.includes(resourceLike)));
    const bucketId = () => idOf(template, "AWS::S3::Bucket", "Attachments");
    const tableId = () => Object.keys(template.findResources("AWS::DynamoDB::Table"))[0]!;
    const names = ["api", "send-worker", "tick", "ses-events"];

    it("no wildcard actions (no dynamodb:*), no Scan, no managed policies; each function writes only its own log group", () => {
      const roles = Object.values(template.findResources("AWS::IAM::Role")) as Resource[];
      for (const r of roles) expect(r.Properties.ManagedPolicyArns ?? []).toEqual([]);
      for (const p of Object.values(template.findResources("AWS::IAM::Policy")) as Resource[]) {
        for (const s of p.Properties.PolicyDocument.Statement as Statement[]) for (const a of [s.Action].flat()) expect(a).not.toContain("*");
      }
      for (const name of names) {
        expect(can(name, "dynamodb:Scan"), name).toBe(false);
        const logs = statementsOf(name).filter((s) => [s.Action].flat().some((a) => a.startsWith("logs:")));
        const logGroup = idOf(template, "AWS::Logs::LogGroup", `${name.replace("-", "")}logs`);
        expect(logs, name).toEqual([{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: { "Fn::GetAtt": [logGroup, "Arn"] } }]);
      }
    });

    it("DynamoDB: the table and its named indexes (never index/*); ses-events only finds, updates and flags", () => {
      for (const name of names) {
        const resourcesOf = statementsOf(name).filter((s) => [s.Action].flat().some((a) => a.startsWith("dynamodb:"))).flatMap((s) => [s.Resource].flat());
        expect(JSON.stringify(resourcesOf), name).not.toContain("index/*");
        expect(resourcesOf, name).toContainEqual({ "Fn::GetAtt": [tableId(), "Arn"] });
      }
      const actions = permissions("ses-events").filter((p) => p.action.startsWith("dynamodb:"));
      expect(actions.map((p) => p.action).sort()).toEqual(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"]);
      expect(can("ses-events", "dynamodb:Query", "/index/GSI1")).toBe(true);
      expect(can("ses-events", "dynamodb:Query", "/index/GSI2")).toBe(false);
      expect(can("ses-events", "dynamodb:DeleteItem")).toBe(false);
      expect(can("tick", "dynamodb:Query", "/index/GSI2")).toBe(true);
    });

    it("only the send worker may send email: SendRawEmail as the sending identity, through the configuration set", () => {
      for (const f of ["api", "tick", "ses-events"]) expect(permissions(f).some((p) => p.action.startsWith("ses:")), f).toBe(false);
      const ses = statementsOf("send-worker").filter((s) => [s.Action].flat().some((a) => a.startsWith("ses:")));
      expect(ses).toHaveLength(1);
      expect(ses[0]!.Action).toBe("ses:SendRawEmail");
      const arns = ([ses[0]!.Resource].flat() as { "Fn::Join": [string, unknown[]] }[]).map((r) => (r["Fn::Join"][1] as unknown[]).map((p) => (typeof p === "string" ? p : JSON.stringify(p))).join(""));
      expect(arns.sort()).toEqual(
        [
          `arn:{"Ref":"AWS::Partition"}:ses:{"Ref":"AWS::Region"}:{"Ref":"AWS::AccountId"}:identity/example.org`,
          `arn:{"Ref":"AWS::Partition"}:ses:{"Ref":"AWS::Region"}:{"Ref":"AWS::AccountId"}:identity/sekretariat@example.org`,
          `arn:{"Ref":"AWS::Partition"}:ses:{"Ref":"AWS::Region"}:{"Ref":"AWS::AccountId"}:configuration-set/{"Ref":"${idOf(template, "AWS::SES::ConfigurationSet", "ConfigurationSet")}"}`,
        ].sort(),
      );
      expect(JSON.stringify(ses)).not.toContain("identity/*");
    });

    it("S3: only the api reads; it and the worker (previews only) write objects; only the api deletes or lists, under meetings/", () => {
      expect(can("api", "s3:GetObject", bucketId())).toBe(true);
      expect(can("api", "s3:PutObject", bucketId())).toBe(true);
      expect(can("api", "s3:DeleteObject", "/meetings/*")).toBe(true);
      expect(permissions("api").filter((p) => p.action === "s3:DeleteObject").map((p) => p.resource)).toEqual([expect.stringContaining("/meetings/*")]);
      const list = statementsOf("api").find((x) => [x.Action].flat().includes("s3:ListBucket")) as unknown as { Condition: unknown };
      expect(list.Condition).toEqual({ StringLike: { "s3:prefix": ["meetings/*"] } });
      expect(can("send-worker", "s3:PutObject", "/previews/*")).toBe(true);
      expect(permissions("send-worker").filter((p) => p.action.startsWith("s3:")).map((p) => p.action)).toEqual(["s3:PutObject"]);
      for (const f of ["send-worker", "tick", "ses-events"]) {
        expect(can(f, "s3:GetObject"), f).toBe(false);
        expect(can(f, "s3:DeleteObject"), f).toBe(false);
        expect(can(f, "s3:ListBucket"), f).toBe(false);
      }
    });

    it("the attachments bucket is versioned, expires unrecorded uploads, and lets the app's origin post to it", () => {
      const bucket = template.findResources("AWS::S3::Bucket")[bucketId()] as Resource;
      expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: "Enabled" });
      const rules = (bucket.Properties.LifecycleConfiguration as { Rules: { Id: string; TagFilters?: unknown; ExpirationInDays?: number }[] }).Rules;
      expect(rules.find((r) => r.Id === "unrecorded-uploads")).toMatchObject({ TagFilters: [{ Key: "upload", Value: "pending" }], ExpirationInDays: 1 });
      expect(rules.map((r) => r.Id)).toEqual(expect.arrayContaining(["old-versions", "incomplete-multipart"]));
      const cors = (bucket.Properties.CorsConfiguration as { CorsRules: { AllowedMethods: string[]; AllowedOrigins: unknown[] }[] }).CorsRules;
      expect(cors).toHaveLength(1);
      expect(cors[0]!.AllowedMethods).toEqual(["POST"]);
      expect(JSON.stringify(cors[0]!.AllowedOrigins)).toContain("ApiEndpoint");
    });

    it("the queue: api and tick send, the worker only consumes; the secret: only api and the worker", () => {
      expect(can("api", "sqs:SendMessage")).toBe(true);
      expect(can("tick", "sqs:SendMessage")).toBe(true);
      expect(can("send-worker", "sqs:SendMessage")).toBe(false);
      expect(can("send-worker", "sqs:ReceiveMessage")).toBe(true);
      expect(can("ses-events", "sqs:SendMessage")).toBe(false);
      expect(can("api", "secretsmanager:GetSecretValue")).toBe(true);
      expect(can("send-worker", "secretsmanager:GetSecretValue")).toBe(true);
      expect(can("tick", "secretsmanager:GetSecretValue")).toBe(false);
      expect(can("ses-events", "secretsmanager:GetSecretValue")).toBe(false);
    });
  });

  it("stops with a message naming a bad context value", () => {
    expect(() => synth({ sesMaxSendRate: "abc" })).toThrow(/sesMaxSendRate/);
    expect(() => synth({ senderEmail: "ikke-epost" })).toThrow(/senderEmail/);
  });
});
