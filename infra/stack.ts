import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import * as logs from "aws-cdk-lib/aws-logs";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import * as ses from "aws-cdk-lib/aws-ses";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import * as sqs from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import { tableSchema } from "../shared/store/table-schema.js";
import { bundling, type LambdaName, lambdaEntries } from "./bundling.js";

export interface MeetingsStackParams {
  senderEmail: string;
  baseUrl: string;
  sesMaxSendRate: number;
  sendWorkerConcurrency: number;
  reminderDaysBeforeDeadline: number;
  logRetentionDays: number;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Everything in AWS: one table, a private bucket, the HTTP API, the send queue, four Lambdas. */
export class MeetingsStack extends Stack {
  readonly functions: Record<LambdaName, NodejsFunction>;

  constructor(scope: Construct, id: string, params: MeetingsStackParams, props?: StackProps) {
    super(scope, id, props);

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

    const bucket = new s3.Bucket(this, "Attachments", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
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

    const configurationSet = new ses.ConfigurationSet(this, "ConfigurationSet", {});
    const sesEventsTopic = new sns.Topic(this, "SesEvents", { enforceSSL: true });
    configurationSet.addEventDestination("ToSns", {
      destination: ses.EventDestination.snsTopic(sesEventsTopic),
      events: [ses.EmailSendingEvent.SEND, ses.EmailSendingEvent.DELIVERY, ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT, ses.EmailSendingEvent.REJECT],
    });

    const environment = {
      APP_ENV: "aws",
      TABLE_NAME: table.tableName,
      BASE_URL: params.baseUrl,
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
    };

    const make = (name: LambdaName, opts: { timeout: Duration; memorySize: number }) => {
      const logGroup = new logs.LogGroup(this, `${name}-logs`, { retention: params.logRetentionDays as logs.RetentionDays, removalPolicy: RemovalPolicy.DESTROY });
      const fn = new NodejsFunction(this, name, {
        entry: path.join(root, lambdaEntries[name]),
        handler: "handler",
        runtime: lambda.Runtime.NODEJS_22_X,
        architecture: lambda.Architecture.ARM_64,
        bundling,
        environment,
        logGroup,
        loggingFormat: lambda.LoggingFormat.JSON,
        depsLockFilePath: path.join(root, "package-lock.json"),
        projectRoot: root,
        ...opts,
      });
      new cloudwatch.Alarm(this, `${name}-errors`, {
        alarmDescription: `Feil i Lambda-funksjonen ${name}`,
        metric: fn.metricErrors({ period: Duration.minutes(5) }),
        threshold: 1,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      return fn;
    };

    const api = make("api", { timeout: Duration.seconds(29), memorySize: 1024 });
    const sendWorker = make("send-worker", { timeout: workerTimeout, memorySize: 1024 });
    const tick = make("tick", { timeout: Duration.seconds(60), memorySize: 512 });
    const sesEvents = make("ses-events", { timeout: Duration.seconds(30), memorySize: 256 });
    this.functions = { api: api, "send-worker": sendWorker, tick, "ses-events": sesEvents };

    // Least privilege: each function gets only what it uses.
    table.grantReadWriteData(api);
    table.grantReadWriteData(sendWorker);
    table.grantReadWriteData(tick);
    table.grantReadWriteData(sesEvents);
    bucket.grantReadWrite(api); // uploads, attachment links (presigned), previews
    bucket.grantPut(sendWorker); // writes the invitation preview
    queue.grantSendMessages(api);
    queue.grantSendMessages(tick);
    queue.grantSendMessages(sendWorker); // redelivery of throttled work is by SQS itself; previews/logins by api
    linkSecret.grantRead(api);
    linkSecret.grantRead(sendWorker);
    const sendEmail = new iam.PolicyStatement({
      actions: ["ses:SendRawEmail", "ses:SendEmail"],
      resources: [
        `arn:${this.partition}:ses:${this.region}:${this.account}:identity/*`,
        `arn:${this.partition}:ses:${this.region}:${this.account}:configuration-set/${configurationSet.configurationSetName}`,
      ],
    });
    sendWorker.addToRolePolicy(sendEmail);

    sendWorker.addEventSource(
      new SqsEventSource(queue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: params.sendWorkerConcurrency }),
    );
    new events.Rule(this, "EveryMinute", { schedule: events.Schedule.rate(Duration.minutes(1)), targets: [new targets.LambdaFunction(tick)] });
    sesEventsTopic.addSubscription(new subscriptions.LambdaSubscription(sesEvents));

    const httpApi = new apigw.HttpApi(this, "HttpApi", {
      defaultIntegration: new HttpLambdaIntegration("ApiIntegration", api),
      description: "Møteinnkalling: sekretariatets sider og API, svarskjema, arkiv",
    });

    new cloudwatch.Alarm(this, "DeadLetters", {
      alarmDescription: "E-poster som ikke kunne sendes ligger i dead-letter-køen",
      metric: deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    new CfnOutput(this, "ApiUrl", { value: httpApi.apiEndpoint });
    new CfnOutput(this, "TableName", { value: table.tableName });
    new CfnOutput(this, "BucketName", { value: bucket.bucketName });
    new CfnOutput(this, "QueueUrl", { value: queue.queueUrl });
  }
}
