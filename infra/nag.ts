// cdk-nag findings accepted on one construct, and the ARN placeholder cdk-nag names a resource by in its findings.
import { type CfnElement, type Stack, Validations } from "aws-cdk-lib";
import type { IConstruct } from "constructs";

/** A cdk-nag finding accepted on one construct (and what it contains), with the reason beside it. */
export const acknowledge = (construct: IConstruct, rule: string, reason: string) =>
  Validations.of(construct).acknowledge({ id: rule, reason });

/** `<LogicalId.Arn>`: how a finding's rule id (e.g. AwsSolutions-IAM5[Resource::…]) names a resource's ARN. */
export const nagArnOf = (stack: Stack, resource: IConstruct) =>
  `<${stack.getLogicalId(resource.node.defaultChild as CfnElement)}.Arn>`;
