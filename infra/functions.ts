// The six Lambdas: each with its own log group, its own role and an errors alarm.
import { Duration, RemovalPolicy, type Stack } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import type { AlarmMaker } from "./alarms.js";
import { type LambdaName, lambdaCode } from "./bundling.js";

export interface FunctionSettings {
  environment: Record<string, string>;
  retention: logs.RetentionDays;
  alarm: AlarmMaker;
  /** The send worker's timeout (the send queue's visibility timeout is a multiple of it). */
  workerTimeout: Duration;
}

/** The six functions, all with the same environment; an alarm on each one's errors. */
export function meetingFunctions(scope: Stack, settings: FunctionSettings): Record<LambdaName, lambda.Function> {
  const { environment, retention, alarm } = settings;
  const make = (name: LambdaName, opts: { timeout: Duration; memorySize: number; description: string }) => {
    const logGroup = new logs.LogGroup(scope, `${name}-logs`, { retention, removalPolicy: RemovalPolicy.DESTROY });
    // Its own role that may write only its own log group (not AWSLambdaBasicExecutionRole, which allows every log group).
    const role = new iam.Role(scope, `${name}-role`, {
      assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
      description: `Møteinnkalling ${name}`,
    });
    logGroup.grantWrite(role);
    const fn = new lambda.Function(scope, name, {
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
    description: "Deltakerens svarside og vedleggslenker (Hono)",
  });
  const api = make("api", {
    timeout: Duration.seconds(29),
    memorySize: 1024,
    description: "Sekretariatets sider, API og det offentlige arkivet (Hono)",
  });
  const sendWorker = make("send-worker", {
    timeout: settings.workerTimeout,
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
  const inboundMail = make("inbound-mail", {
    timeout: Duration.seconds(30),
    memorySize: 512,
    description: "Registrerer svar fra kalenderen (iMIP REPLY mottatt av SES)",
  });
  return { reply, api, "send-worker": sendWorker, tick, "ses-events": sesEvents, "inbound-mail": inboundMail };
}
