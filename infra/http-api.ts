// The HTTP API's routes, stage, access log and throttles: participant paths to the reply function, the rest to api.
import type { Stack } from "aws-cdk-lib";
import { RemovalPolicy } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import * as acm from "aws-cdk-lib/aws-certificatemanager";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import type { IConstruct } from "constructs";
import { replyRoutes } from "../functions/reply/paths.js";

/**
 * Request throttling at the API Gateway stage (requests per second across all callers, and the
 * burst). The app has its own per-address and per-client limits (shared/abuse); these stop a flood
 * before it reaches Lambda, SQS and SES. The two public form posts get their own, lower limits.
 */
export const apiThrottle = {
  stage: { rateLimit: 50, burstLimit: 100 },
  routes: {
    /** Login-link requests: each may queue an email. A person needs one now and then. */
    "POST /logg-inn": { rateLimit: 1, burstLimit: 5 },
    /** Reply posts from the personal links (the reply function): a whole body answering in the same minute fits easily. */
    "POST /r/{token}": { rateLimit: 5, burstLimit: 20 },
  },
} as const;

export interface HttpApiRouting {
  httpApi: apigw.HttpApi;
  api: lambda.IFunction;
  reply: lambda.IFunction;
  customDomain?: { domainName: string; certificateArn: string };
  retention: logs.RetentionDays;
  acknowledge: (construct: IConstruct, rule: string, reason: string) => void;
}

/**
 * The participant's paths (functions/reply/paths.ts, which the local server routes the same way)
 * go to the reply function; everything else ($default) to api. POST /logg-inn has its own route
 * because stage route settings (the throttles) apply per route key.
 */
export function routeHttpApi(scope: Stack, p: HttpApiRouting): { domainName?: apigw.DomainName } {
  const { httpApi, acknowledge } = p;
  const integration = new HttpLambdaIntegration("ApiIntegration", p.api);
  const replyIntegration = new HttpLambdaIntegration("ReplyIntegration", p.reply);
  const routes = [
    new apigw.HttpRoute(httpApi, "DefaultRoute", { httpApi, routeKey: apigw.HttpRouteKey.DEFAULT, integration }),
    ...httpApi.addRoutes({ path: "/logg-inn", methods: [apigw.HttpMethod.POST], integration }),
    ...replyRoutes.flatMap((r) =>
      httpApi.addRoutes({ path: r.path, methods: [apigw.HttpMethod[r.method]], integration: replyIntegration }),
    ),
  ];
  for (const route of routes) {
    acknowledge(
      route,
      "AwsSolutions-APIG4",
      "Authorisation is in the app, not API Gateway: participants are authorised by their signed personal link, the secretariat by a session cookie (email magic link) or API token, checked in Hono middleware; login, reply and archive pages are public by design.",
    );
  }

  const domainName = p.customDomain
    ? new apigw.DomainName(scope, "CustomDomain", {
        domainName: p.customDomain.domainName,
        certificate: acm.Certificate.fromCertificateArn(scope, "Certificate", p.customDomain.certificateArn),
        endpointType: apigw.EndpointType.REGIONAL,
        securityPolicy: apigw.SecurityPolicy.TLS_1_2,
      })
    : undefined;

  // Access log: never $context.path, which holds the personal link token (/r/<token>); the route key does not.
  const accessLogGroup = new logs.LogGroup(scope, "ApiAccessLogs", {
    retention: p.retention,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const stage = new apigw.HttpStage(httpApi, "DefaultStage", {
    httpApi,
    stageName: "$default",
    autoDeploy: true,
    throttle: apiThrottle.stage,
    domainMapping: domainName ? { domainName } : undefined,
    accessLogSettings: {
      destination: new apigw.LogGroupLogDestination(accessLogGroup),
      format: AccessLogFormat.custom(
        JSON.stringify({
          requestId: "$context.requestId",
          ip: "$context.identity.sourceIp",
          time: "$context.requestTime",
          method: "$context.httpMethod",
          routeKey: "$context.routeKey",
          status: "$context.status",
          protocol: "$context.protocol",
          responseLength: "$context.responseLength",
          latencyMs: "$context.responseLatency",
          error: "$context.error.message",
          integrationError: "$context.integrationErrorMessage",
        }),
      ),
    },
  });
  // Per-route throttles: not in the L2 HttpStage, so on the CloudFormation stage (escape hatch).
  const cfnStage = stage.node.defaultChild as apigw.CfnStage;
  cfnStage.routeSettings = Object.fromEntries(
    Object.entries(apiThrottle.routes).map(([routeKey, t]) => [
      routeKey,
      { ThrottlingRateLimit: t.rateLimit, ThrottlingBurstLimit: t.burstLimit },
    ]),
  );
  // The routes must exist before the stage names them in its route settings.
  for (const route of routes) stage.node.addDependency(route);
  return { domainName };
}
