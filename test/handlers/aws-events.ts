// AWS-shaped events for the handler tests: the sample events (test/fixtures) filled in per call, and the Lambda context.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Context, EventBridgeEvent, SNSEvent, SQSEvent } from "aws-lambda";
import type { HttpApiEvent } from "../../functions/api/handler.js";

const fixture = <T = unknown>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), "utf8")) as T;
/** An SES sample notification with the message id and address of a real local send filled in. */
export const sesFixture = (name: string, messageId: string, recipient: string) =>
  readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), "utf8")
    .replaceAll("MESSAGE_ID", messageId)
    .replaceAll("RECIPIENT", recipient);

const apiSample = fixture<HttpApiEvent>("apigw-http-v2");
const sqsSample = fixture<SQSEvent>("sqs-event");
const snsSample = fixture<SNSEvent>("sns-event");
const scheduledSample = fixture<EventBridgeEvent<"Scheduled Event", Record<string, never>>>("eventbridge-scheduled");

/** The API's host name as API Gateway puts it in the event; BASE_URL is https:// on it, as in AWS. */
export const DOMAIN = apiSample.requestContext.domainName;
export const REGION = "eu-north-1";
const ACCOUNT = "123456789012";

/** The context the Lambda runtime passes each invocation: plain data, so made here (no local twin). */
export function lambdaContext(name: string): Context {
  const functionName = `moteinnkalling-${name}`;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${functionName}`,
    memoryLimitInMB: "1024",
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `2026/11/23/[$LATEST]${randomBytes(16).toString("hex")}`,
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** An SQS batch event: the sample record (the one without message attributes, like ours) per body. */
export function sqsEvent(bodies: string[]): SQSEvent {
  const template = sqsSample.Records[1]!;
  return {
    Records: bodies.map((body) => {
      const sent = Date.now();
      return {
        ...structuredClone(template),
        messageId: randomUUID(),
        receiptHandle: randomBytes(48).toString("base64"),
        body,
        attributes: { ...template.attributes, SentTimestamp: String(sent), ApproximateFirstReceiveTimestamp: String(sent + 3) },
        md5OfBody: createHash("md5").update(body).digest("hex"),
        eventSourceARN: `arn:aws:sqs:${REGION}:${ACCOUNT}:moteinnkalling-send`,
        awsRegion: REGION,
      };
    }),
  };
}

/** SNS → Lambda: one notification per invocation, its Message the SES event record as JSON text. */
export function snsEvent(message: string): SNSEvent {
  const record = structuredClone(snsSample.Records[0]!);
  const topic = `arn:aws:sns:${REGION}:${ACCOUNT}:moteinnkalling-ses-events`;
  record.EventSubscriptionArn = `${topic}:${randomUUID()}`;
  record.Sns = {
    ...record.Sns,
    MessageId: randomUUID(),
    Message: message,
    TopicArn: topic,
    Timestamp: new Date().toISOString(),
    MessageAttributes: {},
  };
  return { Records: [record] };
}

/** The event of the every-minute EventBridge rule, fired at `at`. */
export function scheduledEvent(at: Date) {
  return {
    ...structuredClone(scheduledSample),
    id: randomUUID(),
    time: at.toISOString().replace(/\.\d{3}Z$/, "Z"),
    region: REGION,
    account: ACCOUNT,
    resources: [`arn:aws:events:${REGION}:${ACCOUNT}:rule/moteinnkalling-EveryMinute`],
  };
}

/** A request body as API Gateway passes it: text as is, or base64 with isBase64Encoded (form posts). */
export type EventBody = { text: string; type: string } | { bytes: Uint8Array; type: string };

/** The routes API Gateway has (infra/stack.ts): two explicit POST routes, everything else $default. */
function route(method: string, path: string): { routeKey: string; pathParameters?: Record<string, string> } {
  if (method === "POST" && path === "/logg-inn") return { routeKey: "POST /logg-inn" };
  const reply = /^\/r\/([^/]+)$/.exec(path);
  if (method === "POST" && reply)
    return { routeKey: "POST /r/{token}", pathParameters: { token: decodeURIComponent(reply[1]!) } };
  return { routeKey: "$default" };
}

/**
 * An HTTP API payload 2.0 event, from the sample, for a request a browser makes: path and raw query
 * string as sent (percent-encoded), the decoded query parameters (repeated ones joined by commas),
 * cookies in the `cookies` array (not a header), lower-case headers, and the body.
 */
export function httpApiEvent(
  method: string,
  target: string,
  opts: { cookies?: string[]; headers?: Record<string, string>; body?: EventBody; sourceIp?: string } = {},
): HttpApiEvent {
  const url = new URL(target, `https://${DOMAIN}`);
  const { routeKey, pathParameters } = route(method, url.pathname);
  const query: Record<string, string> = {};
  // Decoded, as API Gateway passes them (the app reads rawQueryString, which stays percent-encoded).
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const sourceIp = opts.sourceIp ?? "192.0.2.1";
  const now = new Date();
  const {
    stageVariables: _s,
    pathParameters: _p,
    cookies: _c,
    queryStringParameters: _q,
    body: _b,
    ...sample
  } = structuredClone(apiSample);
  const body = opts.body;
  const bytes = body && ("bytes" in body ? body.bytes : undefined);
  return {
    ...sample,
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(opts.cookies?.length ? { cookies: opts.cookies } : {}),
    headers: {
      accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
      "accept-language": "nb-NO,nb;q=0.9",
      host: DOMAIN,
      "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
      "x-amzn-trace-id": `Root=1-${Math.floor(now.getTime() / 1000).toString(16)}-${randomBytes(12).toString("hex")}`,
      "x-forwarded-for": sourceIp,
      "x-forwarded-port": "443",
      "x-forwarded-proto": "https",
      ...(body
        ? {
            "content-type": body.type,
            "content-length": String(bytes ? bytes.length : Buffer.byteLength((body as { text: string }).text)),
          }
        : {}),
      ...opts.headers,
    },
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    requestContext: {
      ...sample.requestContext,
      http: {
        ...sample.requestContext.http,
        method,
        path: decodeURIComponent(url.pathname),
        sourceIp,
        userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
      },
      requestId: randomBytes(12).toString("base64url"),
      routeKey,
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(pathParameters ? { pathParameters } : {}),
    ...(body
      ? bytes
        ? { body: Buffer.from(bytes).toString("base64"), isBase64Encoded: true }
        : { body: (body as { text: string }).text, isBase64Encoded: false }
      : { body: null, isBase64Encoded: false }),
  } as HttpApiEvent;
}
