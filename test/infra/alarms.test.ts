// The alarms in the synthesized template: every alarm notifies one topic, which only CloudWatch may publish to.
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { type Resource, synth, withDomain } from "./synth.js";

describe("alarms go somewhere", () => {
  let template: Template;
  const idOf = (t: Template, type: string, prefix: string) =>
    Object.keys(t.findResources(type)).find((id) => id.startsWith(prefix))!;
  const fnId = (name: string) => idOf(template, "AWS::Lambda::Function", name.replace("-", ""));
  beforeAll(() => {
    template = synth();
  });

  const alarms = (t: Template) => Object.values(t.findResources("AWS::CloudWatch::Alarm")).map((a) => (a as Resource).Properties);

  it("sends every alarm (and its all-clear) to the alarm topic, which CloudWatch may publish to", () => {
    const topic = idOf(template, "AWS::SNS::Topic", "Alarms");
    const all = alarms(template);
    expect(all.length).toBe(11);
    for (const a of all) {
      expect(a.AlarmActions, a.AlarmDescription).toEqual([{ Ref: topic }]);
      expect(a.OKActions, a.AlarmDescription).toEqual([{ Ref: topic }]);
    }
    template.hasResourceProperties("AWS::SNS::TopicPolicy", {
      Topics: [{ Ref: topic }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: "sns:Publish" }),
        ]),
      },
    });
  });

  it("emails the topic to alarmEmail when given, and subscribes nobody without it", () => {
    template.resourcePropertiesCountIs("AWS::SNS::Subscription", { Protocol: "email" }, 0);
    const t = synth(withDomain);
    const topic = idOf(t, "AWS::SNS::Topic", "Alarms");
    t.resourcePropertiesCountIs("AWS::SNS::Subscription", { Protocol: "email" }, 1);
    t.hasResourceProperties("AWS::SNS::Subscription", {
      Protocol: "email",
      Endpoint: "drift@vestregionen.no",
      TopicArn: { Ref: topic },
    });
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
    for (const name of ["reply", "api", "send-worker", "tick", "ses-events"]) {
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
    template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      Namespace: "AWS/SES",
      MetricName: "Reputation.BounceRate",
      Threshold: 0.05,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
    });
    template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      Namespace: "AWS/SES",
      MetricName: "Reputation.ComplaintRate",
      Threshold: 0.001,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
    });
  });

  it("alarms on the API's 5xx answers (an error page is not a Lambda error)", () => {
    const api = Object.keys(template.findResources("AWS::ApiGatewayV2::Api"))[0]!;
    template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      Namespace: "AWS/ApiGateway",
      MetricName: "5xx",
      Dimensions: [{ Name: "ApiId", Value: { Ref: api } }],
      Threshold: 1,
    });
  });
});
