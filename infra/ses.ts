// SES: the domain identity (Easy DKIM, custom MAIL FROM), the configuration set, and its events → SNS.
import { Duration, type Stack } from "aws-cdk-lib";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import type * as s3 from "aws-cdk-lib/aws-s3";
import * as ses from "aws-cdk-lib/aws-ses";
import * as actions from "aws-cdk-lib/aws-ses-actions";
import * as sns from "aws-cdk-lib/aws-sns";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { acknowledge } from "./nag.js";

export interface SesSetup {
  configurationSet: ses.ConfigurationSet;
  identity: ses.EmailIdentity;
  /** Where the configuration set's events go (the ses-events function subscribes). */
  sesEventsTopic: sns.Topic;
  /** The dead letters of the subscription SesEvents → ses-events. */
  sesEventsDeadLetters: sqs.Queue;
}

/**
 * SES: the domain identity (Easy DKIM, custom MAIL FROM), sending through the configuration set,
 * whose events (delivery, bounce, complaint …) go SNS → ses-events.
 */
export function sesSetup(scope: Stack, params: { sendingDomain: string; mailFromDomain: string }): SesSetup {
  const configurationSet = new ses.ConfigurationSet(scope, "ConfigurationSet", {
    reputationMetrics: true,
    sendingEnabled: true,
  });
  const identity = new ses.EmailIdentity(scope, "SendingDomain", {
    identity: ses.Identity.domain(params.sendingDomain),
    dkimSigning: true, // Easy DKIM: SES makes the keys; three CNAMEs in DNS (infra/outputs.ts)
    mailFromDomain: params.mailFromDomain,
    mailFromBehaviorOnMxFailure: ses.MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE,
    configurationSet,
  });
  const sesEventsTopic = new sns.Topic(scope, "SesEvents", { enforceSSL: true });
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
  const sesEventsDeadLetters = new sqs.Queue(scope, "SesEventsDeadLetters", {
    retentionPeriod: Duration.days(14),
    enforceSSL: true,
  });
  acknowledge(
    sesEventsDeadLetters,
    "AwsSolutions-SQS3",
    "This queue is itself a dead-letter queue: of the SNS subscription SesEvents → ses-events (cdk-nag only recognises DLQs of other queues).",
  );
  return { configurationSet, identity, sesEventsTopic, sesEventsDeadLetters };
}

/**
 * Calendar answers: SES receives mail for the invitation's ORGANIZER address (the domain's MX must
 * point at SES inbound, and the rule set must be made active once: SES allows one active set per
 * region, which CDK cannot switch). The message is stored under inbound/ (S3 action first, so the
 * Lambda reads the whole raw MIME), then the inbound-mail function is invoked with the receipt.
 */
export function calendarReplyReceipt(
  scope: Stack,
  params: { replyAddress: string; bucket: s3.Bucket; inboundMail: lambda.Function },
): ses.ReceiptRuleSet {
  const ruleSet = new ses.ReceiptRuleSet(scope, "InboundMail");
  ruleSet.addRule("CalendarReplies", {
    recipients: [params.replyAddress],
    scanEnabled: true, // spam and virus verdicts, which the Lambda reads
    tlsPolicy: ses.TlsPolicy.REQUIRE,
    actions: [
      new actions.S3({ bucket: params.bucket, objectKeyPrefix: "inbound/" }),
      new actions.Lambda({ function: params.inboundMail, invocationType: actions.LambdaInvocationType.EVENT }),
    ],
  });
  return ruleSet;
}
