// The stack: table, bucket, queue, secret, SES identity, the five Lambdas and their permissions.
import { Duration, Stack, type StackProps } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import type * as logs from "aws-cdk-lib/aws-logs";
import * as s3 from "aws-cdk-lib/aws-s3";
import type * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import type { Construct } from "constructs";
import { alarmTopic, serviceAlarms } from "./alarms.js";
import type { LambdaName } from "./bundling.js";
import { meetingFunctions } from "./functions.js";
import { routeHttpApi } from "./http-api.js";
import { acknowledge } from "./nag.js";
import { stackOutputs } from "./outputs.js";
import { grantPermissions } from "./permissions.js";
import { calendarReplyReceipt, sesSetup } from "./ses.js";
import { attachmentsBucket, dataTable, linkSigningKey, sendQueue } from "./storage.js";

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

    const table = dataTable(this);
    const bucket = attachmentsBucket(this, params.logRetentionDays);
    const workerTimeout = Duration.seconds(60);
    const { queue, deadLetters } = sendQueue(this, workerTimeout);
    const linkSecret = linkSigningKey(this);

    // Alarms go to one topic; an email subscription when alarmEmail is given (confirmed once by the recipient).
    const { topic, alarm } = alarmTopic(this, params.alarmEmail);
    this.alarmTopic = topic;

    const { configurationSet, identity, sesEventsTopic, sesEventsDeadLetters } = sesSetup(this, params);

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

    // The invitations' ORGANIZER, where calendar answers come back (received by SES, see calendarReplyReceipt).
    const replyAddress = `svar@${params.sendingDomain}`;
    const environment = {
      APP_ENV: "aws",
      TABLE_NAME: table.tableName,
      BASE_URL: baseUrl,
      SENDER_EMAIL: params.senderEmail,
      CALENDAR_REPLY_EMAIL: replyAddress,
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
    this.functions = meetingFunctions(this, { environment, retention, alarm, workerTimeout });
    const { reply, api, "send-worker": sendWorker, tick, "ses-events": sesEvents } = this.functions;

    grantPermissions(this, {
      functions: this.functions,
      table,
      bucket,
      queue,
      linkSecret,
      configurationSet,
      sendingDomain: params.sendingDomain,
      senderEmail: params.senderEmail,
    });

    sendWorker.addEventSource(
      new SqsEventSource(queue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: params.sendWorkerConcurrency }),
    );
    new events.Rule(this, "EveryMinute", {
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [new targets.LambdaFunction(tick)],
    });
    calendarReplyReceipt(this, { replyAddress, bucket, inboundMail: this.functions["inbound-mail"] });
    sesEventsTopic.addSubscription(new subscriptions.LambdaSubscription(sesEvents, { deadLetterQueue: sesEventsDeadLetters }));

    // Routes: the participant's paths to reply, everything else ($default) to api; access log and throttles on the stage.
    const { domainName } = routeHttpApi(this, { httpApi, api, reply, customDomain: params.customDomain, retention, acknowledge });

    // Alarms beyond the Lambda errors above: dead letters, SES reputation, the API's 5xx.
    serviceAlarms(alarm, { deadLetters, sesEventsDeadLetters, httpApi });

    stackOutputs(this, {
      baseUrl,
      httpApi,
      custom:
        domainName && params.customDomain ? { domainName: params.customDomain.domainName, apiDomain: domainName } : undefined,
      identity,
      mailFromDomain: params.mailFromDomain,
      alarmTopic: this.alarmTopic,
      table,
      bucket,
      queue,
    });
  }
}
