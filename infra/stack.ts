// The stack: table, bucket, queue, secret, SES identity, the five Lambdas and their permissions.
import { type CfnElement, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import * as logs from "aws-cdk-lib/aws-logs";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import * as ses from "aws-cdk-lib/aws-ses";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import * as sqs from "aws-cdk-lib/aws-sqs";
import type { Construct, IConstruct } from "constructs";
import { type GlobalIndexName, tableSchema } from "../shared/store/table-schema.js";
import { alarmTopic, serviceAlarms } from "./alarms.js";
import { type LambdaName, lambdaCode } from "./bundling.js";
import { routeHttpApi } from "./http-api.js";

export { apiThrottle } from "./http-api.js";

export interface MeetingsStackParams {
  senderEmail: string;
  /** The SES domain identity: Easy DKIM and the MAIL FROM domain below. */
  sendingDomain: string;
  /** Custom MAIL FROM domain, a subdomain of sendingDomain (e.g. bounce.vestregionen.no). */
  mailFromDomain: string;
  /** The app's own host name and its ACM certificate; BASE_URL is then https://<domainName>. Without it, BASE_URL is the HTTP API's own URL. */
  customDomain?: { domainName: string; certificateArn: string };
  /** Alarms are emailed here (SNS email subscription). Without it the alarm topic has no subscription. */
  alarmEmail?: string;
  sesMaxSendRate: number;
  sendWorkerConcurrency: number;
  reminderDaysBeforeDeadline: number;
  logRetentionDays: number;
}

/**
 * Everything in AWS: one table, a private bucket, the HTTP API, the send queue, five Lambdas, the
 * SES identity and configuration set, and alarms that email someone.
 */
export class MeetingsStack extends Stack {
  readonly functions: Record<LambdaName, lambda.Function>;
  readonly alarmTopic: sns.Topic;
  readonly httpApi: apigw.HttpApi;

  constructor(scope: Construct, id: string, params: MeetingsStackParams, props?: StackProps) {
    super(scope, id, props);
    // S3 log delivery through a bucket policy, not the legacy ACL (works with BucketOwnerEnforced).
    this.node.setContext("@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true);
    const retention = params.logRetentionDays as logs.RetentionDays;
    /** A cdk-nag finding accepted on one construct (and what it contains), with the reason beside it. */
    const acknowledge = (construct: IConstruct, rule: string, reason: string) =>
      Validations.of(construct).acknowledge({ id: rule, reason });
    const arnOf = (resource: IConstruct) => `<${this.getLogicalId(resource.node.defaultChild as CfnElement)}.Arn>`;

    // The table: keys and GSIs from the schema the local setup also uses.
    const table = new dynamodb.Table(this, "Table", {
      partitionKey: { name: tableSchema.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: tableSchema.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: tableSchema.ttlAttribute,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const gsi of tableSchema.globalIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: gsi.name,
        partitionKey: { name: gsi.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: gsi.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    // S3 server access logs: who fetched which attachment (through a presigned URL), and when.
    const accessLogs = new s3.Bucket(this, "AccessLogs", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED, // the only encryption S3 log delivery supports
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(params.logRetentionDays) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const bucket = new s3.Bucket(this, "Attachments", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      // Versioned: an attachment overwritten or deleted by mistake can be recovered for 90 days.
      versioned: true,
      lifecycleRules: [
        { id: "old-versions", noncurrentVersionExpiration: Duration.days(90) },
        // Uploads the browser made but nobody recorded (the form carries the tag; recording copies it away).
        { id: "unrecorded-uploads", tagFilters: { upload: "pending" }, expiration: Duration.days(1) },
        { id: "incomplete-multipart", abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: "attachments/",
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const workerTimeout = Duration.seconds(60);
    const deadLetters = new sqs.Queue(this, "SendDeadLetters", { retentionPeriod: Duration.days(14), enforceSSL: true });
    const queue = new sqs.Queue(this, "SendQueue", {
      // Longer than the worker may run, so a batch in progress is not handed to another worker.
      visibilityTimeout: Duration.seconds(workerTimeout.toSeconds() * 6),
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 },
      enforceSSL: true,
    });

    const linkSecret = new secretsmanager.Secret(this, "LinkSigningKey", {
      description: "Key for signing the participants' personal links",
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    acknowledge(
      linkSecret,
      "AwsSolutions-SMG4",
      "The key signs the personal links already sent by email; rotating it would silently break every open invitation. Links are revoked one by one instead (link version), see shared/domain/links.ts.",
    );

    // Alarms go to one topic; an email subscription when alarmEmail is given (confirmed once by the recipient).
    const { topic, alarm } = alarmTopic(this, params.alarmEmail);
    this.alarmTopic = topic;

    // SES: the domain identity (Easy DKIM, custom MAIL FROM), sending through the configuration set,
    // whose events (delivery, bounce, complaint …) go SNS → ses-events.
    const configurationSet = new ses.ConfigurationSet(this, "ConfigurationSet", {
      reputationMetrics: true,
      sendingEnabled: true,
    });
    const identity = new ses.EmailIdentity(this, "SendingDomain", {
      identity: ses.Identity.domain(params.sendingDomain),
      dkimSigning: true, // Easy DKIM: SES makes the keys; three CNAMEs in DNS (outputs below)
      mailFromDomain: params.mailFromDomain,
      mailFromBehaviorOnMxFailure: ses.MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE,
      configurationSet,
    });
    const sesEventsTopic = new sns.Topic(this, "SesEvents", { enforceSSL: true });
    configurationSet.addEventDestination("ToSns", {
      destination: ses.EventDestination.snsTopic(sesEventsTopic),
      // What shared/sending/ses-events.ts records (Send, Open, Click … it does not track).
      events: [
        ses.EmailSendingEvent.DELIVERY,
        ses.EmailSendingEvent.BOUNCE,
        ses.EmailSendingEvent.COMPLAINT,
        ses.EmailSendingEvent.REJECT,
        ses.EmailSendingEvent.DELIVERY_DELAY,
      ],
    });
    // SNS → ses-events: deliveries that fail after SNS's retries land here instead of vanishing.
    const sesEventsDeadLetters = new sqs.Queue(this, "SesEventsDeadLetters", {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
    });
    acknowledge(
      sesEventsDeadLetters,
      "AwsSolutions-SQS3",
      "This queue is itself a dead-letter queue: of the SNS subscription SesEvents → ses-events (cdk-nag only recognises DLQs of other queues).",
    );

    // The HTTP API first (its stage and routes further down), so its URL can be BASE_URL.
    this.httpApi = new apigw.HttpApi(this, "HttpApi", {
      description: "Møteinnkalling: sekretariatets sider og API, svarskjema, arkiv",
      createDefaultStage: false,
    });
    const httpApi = this.httpApi;
    const baseUrl = params.customDomain ? `https://${params.customDomain.domainName}` : httpApi.apiEndpoint;
    // The upload page posts straight to the bucket (presigned POST); a script doing the same needs CORS.
    bucket.addCorsRule({
      allowedOrigins: [baseUrl],
      allowedMethods: [s3.HttpMethods.POST],
      allowedHeaders: ["*"],
      exposedHeaders: ["ETag", "Location"],
    });

    const environment = {
      APP_ENV: "aws",
      TABLE_NAME: table.tableName,
      BASE_URL: baseUrl,
      SENDER_EMAIL: params.senderEmail,
      SES_MAX_SEND_RATE: String(params.sesMaxSendRate),
      // Each worker takes its share of the SES rate, so the total never exceeds it.
      SEND_WORKER_CONCURRENCY: String(params.sendWorkerConcurrency),
      SES_CONFIGURATION_SET: configurationSet.configurationSetName,
      REMINDER_DAYS_BEFORE_DEADLINE: String(params.reminderDaysBeforeDeadline),
      QUEUE_URL: queue.queueUrl,
      BUCKET_NAME: bucket.bucketName,
      LINK_SECRET_ARN: linkSecret.secretArn,
      NODE_OPTIONS: "--enable-source-maps",
      LOG_LEVEL: "info",
    };

    const make = (name: LambdaName, opts: { timeout: Duration; memorySize: number; description: string }) => {
      const logGroup = new logs.LogGroup(this, `${name}-logs`, { retention, removalPolicy: RemovalPolicy.DESTROY });
      // Its own role that may write only its own log group (not AWSLambdaBasicExecutionRole, which allows every log group).
      const role = new iam.Role(this, `${name}-role`, {
        assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
        description: `Møteinnkalling ${name}`,
      });
      logGroup.grantWrite(role);
      const fn = new lambda.Function(this, name, {
        code: lambdaCode(name),
        handler: "index.handler",
        runtime: lambda.Runtime.NODEJS_24_X,
        architecture: lambda.Architecture.ARM_64,
        environment,
        logGroup,
        loggingFormat: lambda.LoggingFormat.JSON,
        // With JSON logs Lambda's own level wins over LOG_LEVEL in Powertools: keep the two equal.
        applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
        role,
        ...opts,
      });
      alarm(`${name}-errors`, {
        alarmDescription: `Feil i Lambda-funksjonen ${name}`,
        metric: fn.metricErrors({ period: Duration.minutes(5) }),
        threshold: 1,
      });
      return fn;
    };

    const reply = make("reply", {
      timeout: Duration.seconds(29),
      memorySize: 1024,
      description: "Deltakerens svarside, vedleggslenker og det offentlige arkivet (Hono)",
    });
    const api = make("api", {
      timeout: Duration.seconds(29),
      memorySize: 1024,
      description: "Sekretariatets sider og API (Hono)",
    });
    const sendWorker = make("send-worker", {
      timeout: workerTimeout,
      memorySize: 1024,
      description: "Sender e-poster fra sendekøen via SES",
    });
    const tick = make("tick", {
      timeout: Duration.seconds(60),
      memorySize: 512,
      description: "Kjører planlagte jobber (påminnelser, referat) hvert minutt",
    });
    const sesEvents = make("ses-events", {
      timeout: Duration.seconds(30),
      memorySize: 256,
      description: "Registrerer levering, avvisning og klage fra SES",
    });
    this.functions = { reply, api, "send-worker": sendWorker, tick, "ses-events": sesEvents };

    // Permissions: each function gets the calls its code makes, on the resources it touches.
    // DynamoDB: the item calls the shared store makes (Get/Put/Update/Delete, Query, BatchGet/
    // BatchWrite, TransactWrite = the item actions plus ConditionCheckItem). No Scan, no streams,
    // no table management; indexes by name, not index/*. A new kind of call needs its action here.
    const itemReadWrite = [
      "dynamodb:GetItem",
      "dynamodb:BatchGetItem",
      "dynamodb:Query",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:BatchWriteItem",
      "dynamodb:ConditionCheckItem",
    ];
    const indexArn = (name: GlobalIndexName) => `${table.tableArn}/index/${name}`;
    const tableAccess = (fn: lambda.Function, actions: string[], indexes: readonly GlobalIndexName[]) => {
      fn.addToRolePolicy(new iam.PolicyStatement({ actions, resources: [table.tableArn] }));
      if (indexes.length)
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: ["dynamodb:Query"], resources: indexes.map(indexArn) }));
    };
    const allIndexes = tableSchema.globalIndexes.map((g) => g.name);
    tableAccess(api, itemReadWrite, allIndexes);
    // reply: reads links and pages, records replies and queues their emails (the send pipeline's
    // writes); the archive lists bodies and meetings through GSI1. No GSI2 (jobs are only written).
    tableAccess(reply, itemReadWrite, ["GSI1"]);
    tableAccess(sendWorker, itemReadWrite, allIndexes);
    tableAccess(tick, itemReadWrite, allIndexes);
    // ses-events: finds the delivery by SES message id (GSI1), updates it, flags a bounced person.
    tableAccess(sesEvents, ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"], ["GSI1"]);

    // S3: the api presigns the browser's upload (the POST carries a tag), checks it (HeadObject is
    // GetObject; ListBucket under meetings/ makes a missing upload a 404 instead of a 403), copies
    // it to its attachment key and deletes the upload; it presigns downloads of attachments and
    // reads previews. The send worker writes the previews (shared/sending/worker.ts).
    api.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ["s3:GetObject", "s3:PutObject", "s3:PutObjectTagging"],
        resources: [bucket.arnForObjects("*")],
      }),
    );
    api.addToRolePolicy(
      new iam.PolicyStatement({ actions: ["s3:DeleteObject"], resources: [bucket.arnForObjects("meetings/*")] }),
    );
    api.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ["s3:ListBucket"],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { "s3:prefix": ["meetings/*"] } },
      }),
    );
    sendWorker.addToRolePolicy(
      new iam.PolicyStatement({ actions: ["s3:PutObject"], resources: [bucket.arnForObjects("previews/*")] }),
    );
    // reply: presigns attachment downloads (HeadObject for the type is GetObject); attachments live under meetings/.
    reply.addToRolePolicy(
      new iam.PolicyStatement({ actions: ["s3:GetObject"], resources: [bucket.arnForObjects("meetings/*")] }),
    );
    acknowledge(
      reply.role!,
      `AwsSolutions-IAM5[Resource::${arnOf(bucket)}/meetings/*]`,
      "Attachment keys are generated per upload (meetings/<id>/attachments/<ulid>); read only, to presign the participant's download.",
    );
    acknowledge(
      api.role!,
      `AwsSolutions-IAM5[Resource::${arnOf(bucket)}/*]`,
      "Object keys are generated per upload (meetings/<id>/uploads/<ulid>/<name>, meetings/<id>/attachments/<ulid>, previews/<meeting>/<version>.html); object actions only, delete only under meetings/.",
    );
    acknowledge(
      api.role!,
      `AwsSolutions-IAM5[Resource::${arnOf(bucket)}/meetings/*]`,
      "Delete only under meetings/: an upload once recorded (copied to its attachment key) or refused (wrong size or content); previews and anything else cannot be deleted.",
    );
    acknowledge(
      sendWorker.role!,
      `AwsSolutions-IAM5[Resource::${arnOf(bucket)}/previews/*]`,
      "The preview key holds the meeting id and version (shared/sending/worker.ts); PutObject under previews/ only.",
    );

    queue.grantSendMessages(api); // login links, previews, sends started by the secretariat
    queue.grantSendMessages(tick); // reminders, minutes distribution, requeue of waiting deliveries
    queue.grantSendMessages(reply); // the emails after a reply (confirmation, substitute)
    linkSecret.grantRead(reply); // verifies the personal links
    linkSecret.grantRead(api); // the secretariat's views of the personal links
    linkSecret.grantRead(sendWorker); // writes the personal links into the emails

    // SES: only the send worker, only as the sending domain (or the sender address, which SES
    // checks instead if it is itself a verified identity) and only through our configuration set.
    const identityArn = (name: string) => `arn:${this.partition}:ses:${this.region}:${this.account}:identity/${name}`;
    sendWorker.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ["ses:SendRawEmail"],
        resources: [
          identityArn(params.sendingDomain),
          identityArn(params.senderEmail),
          `arn:${this.partition}:ses:${this.region}:${this.account}:configuration-set/${configurationSet.configurationSetName}`,
        ],
      }),
    );

    sendWorker.addEventSource(
      new SqsEventSource(queue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: params.sendWorkerConcurrency }),
    );
    new events.Rule(this, "EveryMinute", {
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [new targets.LambdaFunction(tick)],
    });
    sesEventsTopic.addSubscription(new subscriptions.LambdaSubscription(sesEvents, { deadLetterQueue: sesEventsDeadLetters }));

    // Routes: the participant's paths to reply, everything else ($default) to api; access log and throttles on the stage.
    const { domainName } = routeHttpApi(this, { httpApi, api, reply, customDomain: params.customDomain, retention, acknowledge });

    // Alarms beyond the Lambda errors above: dead letters, SES reputation, the API's 5xx.
    serviceAlarms(alarm, { deadLetters, sesEventsDeadLetters, httpApi });

    new CfnOutput(this, "BaseUrl", { value: baseUrl, description: "Adressen i lenkene i e-postene (BASE_URL)" });
    new CfnOutput(this, "ApiUrl", { value: httpApi.apiEndpoint, description: "HTTP-API-ets egen adresse" });
    if (domainName) {
      new CfnOutput(this, "CustomDomainCname", {
        value: `${params.customDomain!.domainName} CNAME ${domainName.regionalDomainName}`,
        description: "DNS: eget domene → API Gateway",
      });
    }
    for (const [i, r] of identity.dkimRecords.entries()) {
      new CfnOutput(this, `DkimCname${i + 1}`, {
        value: `${r.name} CNAME ${r.value}`,
        description: `DNS: DKIM-nøkkel ${i + 1} av 3`,
      });
    }
    new CfnOutput(this, "MailFromMx", {
      value: `${params.mailFromDomain} MX 10 feedback-smtp.${this.region}.amazonses.com`,
      description: "DNS: MAIL FROM-domenet",
    });
    new CfnOutput(this, "MailFromSpf", {
      value: `${params.mailFromDomain} TXT "v=spf1 include:amazonses.com ~all"`,
      description: "DNS: SPF for MAIL FROM-domenet",
    });
    new CfnOutput(this, "AlarmTopicArn", { value: this.alarmTopic.topicArn });
    new CfnOutput(this, "TableName", { value: table.tableName });
    new CfnOutput(this, "BucketName", { value: bucket.bucketName });
    new CfnOutput(this, "QueueUrl", { value: queue.queueUrl });
  }
}
