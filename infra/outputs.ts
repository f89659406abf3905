// The stack's outputs: the addresses, and the DNS records to create (custom domain, DKIM, MAIL FROM).
import { CfnOutput, type Stack } from "aws-cdk-lib";
import type * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import type * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import type * as s3 from "aws-cdk-lib/aws-s3";
import type * as ses from "aws-cdk-lib/aws-ses";
import type * as sns from "aws-cdk-lib/aws-sns";
import type * as sqs from "aws-cdk-lib/aws-sqs";

export interface OutputValues {
  baseUrl: string;
  httpApi: apigw.HttpApi;
  /** The custom domain's host name and API Gateway domain, when the deployment has one. */
  custom?: { domainName: string; apiDomain: apigw.DomainName };
  identity: ses.EmailIdentity;
  mailFromDomain: string;
  alarmTopic: sns.Topic;
  table: dynamodb.Table;
  bucket: s3.Bucket;
  queue: sqs.Queue;
}

export function stackOutputs(stack: Stack, o: OutputValues): void {
  new CfnOutput(stack, "BaseUrl", { value: o.baseUrl, description: "Adressen i lenkene i e-postene (BASE_URL)" });
  new CfnOutput(stack, "ApiUrl", { value: o.httpApi.apiEndpoint, description: "HTTP-API-ets egen adresse" });
  if (o.custom) {
    new CfnOutput(stack, "CustomDomainCname", {
      value: `${o.custom.domainName} CNAME ${o.custom.apiDomain.regionalDomainName}`,
      description: "DNS: eget domene → API Gateway",
    });
  }
  for (const [i, r] of o.identity.dkimRecords.entries()) {
    new CfnOutput(stack, `DkimCname${i + 1}`, {
      value: `${r.name} CNAME ${r.value}`,
      description: `DNS: DKIM-nøkkel ${i + 1} av 3`,
    });
  }
  new CfnOutput(stack, "MailFromMx", {
    value: `${o.mailFromDomain} MX 10 feedback-smtp.${stack.region}.amazonses.com`,
    description: "DNS: MAIL FROM-domenet",
  });
  new CfnOutput(stack, "MailFromSpf", {
    value: `${o.mailFromDomain} TXT "v=spf1 include:amazonses.com ~all"`,
    description: "DNS: SPF for MAIL FROM-domenet",
  });
  new CfnOutput(stack, "AlarmTopicArn", { value: o.alarmTopic.topicArn });
  new CfnOutput(stack, "TableName", { value: o.table.tableName });
  new CfnOutput(stack, "BucketName", { value: o.bucket.bucketName });
  new CfnOutput(stack, "QueueUrl", { value: o.queue.queueUrl });
}
