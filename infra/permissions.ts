// The functions' permissions: each gets the calls its code makes, on the resources it touches.
import type { Stack } from "aws-cdk-lib";
import type * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import type * as s3 from "aws-cdk-lib/aws-s3";
import type * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import type * as ses from "aws-cdk-lib/aws-ses";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { type GlobalIndexName, tableSchema } from "../shared/store/table-schema.js";
import type { LambdaName } from "./bundling.js";
import { acknowledge, nagArnOf } from "./nag.js";

export interface Grants {
  functions: Record<LambdaName, lambda.Function>;
  table: dynamodb.Table;
  bucket: s3.Bucket;
  queue: sqs.Queue;
  linkSecret: secretsmanager.Secret;
  configurationSet: ses.ConfigurationSet;
  sendingDomain: string;
  senderEmail: string;
}

/** Grants every function what it needs (DynamoDB, S3, the queue, the link key, SES) and nothing more. */
export function grantPermissions(stack: Stack, g: Grants): void {
  const { reply, api, "send-worker": sendWorker, tick, "ses-events": sesEvents, "inbound-mail": inboundMail } = g.functions;
  const { table, bucket } = g;
  const arnOf = (resource: Parameters<typeof nagArnOf>[1]) => nagArnOf(stack, resource);

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
  const allIndexes = tableSchema.globalIndexes.map((gsi) => gsi.name);
  tableAccess(api, itemReadWrite, allIndexes);
  // reply: reads links and pages, records replies and queues their emails (the send pipeline's
  // writes); the archive lists bodies and meetings through GSI1. No GSI2 (jobs are only written).
  tableAccess(reply, itemReadWrite, ["GSI1"]);
  tableAccess(sendWorker, itemReadWrite, allIndexes);
  tableAccess(tick, itemReadWrite, allIndexes);
  // ses-events: finds the delivery by SES message id (GSI1), updates it, flags a bounced person.
  tableAccess(sesEvents, ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"], ["GSI1"]);
  // inbound-mail: a calendar answer is a reply (the same writes as the reply Lambda's); reads only what SES stored under inbound/.
  tableAccess(inboundMail, itemReadWrite, ["GSI1"]);
  inboundMail.addToRolePolicy(
    new iam.PolicyStatement({ actions: ["s3:GetObject"], resources: [bucket.arnForObjects("inbound/*")] }),
  );
  acknowledge(
    inboundMail.role!,
    `AwsSolutions-IAM5[Resource::${arnOf(bucket)}/inbound/*]`,
    "SES names each received message by its message id (inbound/<id>); read only.",
  );

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
  api.addToRolePolicy(new iam.PolicyStatement({ actions: ["s3:DeleteObject"], resources: [bucket.arnForObjects("meetings/*")] }));
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
  reply.addToRolePolicy(new iam.PolicyStatement({ actions: ["s3:GetObject"], resources: [bucket.arnForObjects("meetings/*")] }));
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

  g.queue.grantSendMessages(api); // login links, previews, sends started by the secretariat
  g.queue.grantSendMessages(tick); // reminders, minutes distribution, requeue of waiting deliveries
  g.queue.grantSendMessages(reply); // the emails after a reply (confirmation, substitute)
  g.queue.grantSendMessages(inboundMail); // the same, after a calendar answer
  g.linkSecret.grantRead(reply); // verifies the personal links
  g.linkSecret.grantRead(api); // the secretariat's views of the personal links
  g.linkSecret.grantRead(sendWorker); // writes the personal links into the emails

  // SES: only the send worker, only as the sending domain (or the sender address, which SES
  // checks instead if it is itself a verified identity) and only through our configuration set.
  const identityArn = (name: string) => `arn:${stack.partition}:ses:${stack.region}:${stack.account}:identity/${name}`;
  sendWorker.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ["ses:SendRawEmail"],
      resources: [
        identityArn(g.sendingDomain),
        identityArn(g.senderEmail),
        `arn:${stack.partition}:ses:${stack.region}:${stack.account}:configuration-set/${g.configurationSet.configurationSetName}`,
      ],
    }),
  );
}
