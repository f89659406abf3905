// The alarms: one SNS topic (emailed when alarmEmail is set), and the alarms beyond each Lambda's errors.
import { Duration, type Stack } from "aws-cdk-lib";
import type * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as cwActions from "aws-cdk-lib/aws-cloudwatch-actions";
import * as iam from "aws-cdk-lib/aws-iam";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import type * as sqs from "aws-cdk-lib/aws-sqs";

/** SES reviews an account at these rates (bounces 5 %, complaints 0.1 %); the alarms fire there. */
const sesReputationAlarms = { bounceRate: 0.05, complaintRate: 0.001 } as const;

export type AlarmMaker = (id: string, props: Omit<cloudwatch.AlarmProps, "evaluationPeriods">) => cloudwatch.Alarm;

/** The alarm topic (only CloudWatch alarms of this account may publish) and a maker of alarms that notify it. */
export function alarmTopic(scope: Stack, alarmEmail?: string): { topic: sns.Topic; alarm: AlarmMaker } {
  const topic = new sns.Topic(scope, "Alarms", { displayName: "Moteinnkalling alarmer", enforceSSL: true });
  topic.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: "CloudWatchAlarmsPublish",
      principals: [new iam.ServicePrincipal("cloudwatch.amazonaws.com")],
      actions: ["sns:Publish"],
      resources: [topic.topicArn],
      conditions: {
        StringEquals: { "aws:SourceAccount": scope.account },
        ArnLike: { "aws:SourceArn": `arn:${scope.partition}:cloudwatch:${scope.region}:${scope.account}:alarm:*` },
      },
    }),
  );
  if (alarmEmail) topic.addSubscription(new subscriptions.EmailSubscription(alarmEmail));
  const alarmAction = new cwActions.SnsAction(topic);
  const alarm = (id: string, props: Omit<cloudwatch.AlarmProps, "evaluationPeriods">) => {
    const a = new cloudwatch.Alarm(scope, id, {
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      ...props,
    });
    a.addAlarmAction(alarmAction);
    a.addOkAction(alarmAction);
    return a;
  };
  return { topic, alarm };
}

/** Dead letters, SES reputation and the API's 5xx answers. */
export function serviceAlarms(
  alarm: AlarmMaker,
  r: { deadLetters: sqs.Queue; sesEventsDeadLetters: sqs.Queue; httpApi: apigw.HttpApi },
) {
  alarm("DeadLetters", {
    alarmDescription: "E-poster som ikke kunne sendes ligger i dead-letter-køen",
    metric: r.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
    threshold: 1,
  });
  alarm("SesEventsDeadLettersAlarm", {
    alarmDescription: "SES-hendelser (levering, avvisning, klage) som ikke kunne registreres ligger i dead-letter-køen",
    metric: r.sesEventsDeadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
    threshold: 1,
  });
  const reputation = (metricName: string) =>
    new cloudwatch.Metric({ namespace: "AWS/SES", metricName, statistic: cloudwatch.Stats.MAXIMUM, period: Duration.hours(1) });
  alarm("SesBounceRate", {
    alarmDescription: "SES: avvisningsraten er 5 % eller mer (SES vurderer kontoen ved 5 %, kan stanse sending ved 10 %)",
    metric: reputation("Reputation.BounceRate"),
    threshold: sesReputationAlarms.bounceRate,
  });
  alarm("SesComplaintRate", {
    alarmDescription: "SES: klageraten er 0,1 % eller mer (SES vurderer kontoen ved 0,1 %, kan stanse sending ved 0,5 %)",
    metric: reputation("Reputation.ComplaintRate"),
    threshold: sesReputationAlarms.complaintRate,
  });
  // The app answers an unexpected error with a 500 page; that is a successful Lambda invocation,
  // so only the API's own 5xx count sees it (and integration time-outs).
  alarm("Api5xx", {
    alarmDescription: "HTTP-API-et svarte med 5xx (feil i appen eller tidsavbrudd)",
    metric: r.httpApi.metricServerError({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
    threshold: 1,
  });
}
