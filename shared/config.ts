// The one configuration module: the environment's variables, their defaults, and the check at start-up.
// zod/mini (Zod 4's tree-shakable build): the participant Lambda loads this module and must stay small.
import * as z from "zod/mini";

/**
 * Lambdas and the local stack both call loadConfig(); a wrong or missing variable stops start-up
 * with a message naming it. Every default lives here (the local stack adds only its endpoints).
 */

/** The local S3's default port (`npm start`; S3_PORT to change). */
export const LOCAL_S3_PORT = 8006;

const count = (min: number, max: number) => z.pipe(z.coerce.number(), z.int().check(z.minimum(min), z.maximum(max)));

// The schemas are built on demand, and only the branch APP_ENV names (a Lambda never builds the local one).
const baseSchema = () =>
  z.object({
    TABLE_NAME: z.string().check(z.minLength(1)),
    AWS_REGION: z._default(z.string().check(z.minLength(1)), "eu-north-1"),
    BASE_URL: z.url(),
    SENDER_EMAIL: z.email(),
    /**
     * The calendar invitation's ORGANIZER: where Outlook, Gmail and Apple send «Godta»/«Avslå»
     * (iMIP REPLY). SES receives it (receipt rule → S3 → the inbound-mail Lambda); locally the SMTP
     * stand-in does. Default: svar@ on the sender's domain.
     */
    CALENDAR_REPLY_EMAIL: z.optional(z.email()),
    /** SES maximum send rate (messages per second) the send worker must never exceed. */
    SES_MAX_SEND_RATE: z._default(z.coerce.number().check(z.positive(), z.maximum(10_000)), 14),
    /**
     * How many send workers may run at once (Lambda max concurrency); each takes its share of the
     * rate. 2 is the least an SQS event source allows, and what the CDK stack deploys by default.
     */
    SEND_WORKER_CONCURRENCY: z._default(count(1, 100), 2),
    SES_CONFIGURATION_SET: z.optional(z.string().check(z.minLength(1))),
    /** Days before the reply deadline that the automatic reminder goes out. */
    REMINDER_DAYS_BEFORE_DEADLINE: z._default(count(0, 60), 2),
    /** Reply-form posts per client address per hour (rate limit; one NAT can hold a whole town hall). */
    REPLY_POSTS_PER_CLIENT_PER_HOUR: z._default(count(1, 1_000_000), 120),
    LOG_LEVEL: z._default(z.enum(["debug", "info", "warn", "error", "silent"]), "info"),
  });

const localSchema = () =>
  z.extend(baseSchema(), {
    APP_ENV: z.literal("local"),
    TABLE_NAME: z._default(z.string().check(z.minLength(1)), "moter"),
    /** The demo secretariat's address; in AWS the verified sender must be given. */
    SENDER_EMAIL: z._default(z.email(), "sekretariat@vestregionen.no"),
    DYNAMODB_ENDPOINT: z.url(),
    SES_ENDPOINT: z.url(),
    /** The local S3 (s3rver, behind the POST-policy front in local/s3-front.ts); path-style requests. */
    S3_ENDPOINT: z._default(z.url(), `http://127.0.0.1:${LOCAL_S3_PORT}`),
    /** Bucket for attachments and previews; locally created on start (tests make one per app). */
    BUCKET_NAME: z._default(z.string().check(z.minLength(3), z.maxLength(63)), "moter-vedlegg"),
    /** Folder for the generated link-signing key and DynamoDB Local's and the local S3's files. */
    DATA_DIR: z.string().check(z.minLength(1)),
  });

const awsSchema = () =>
  z.extend(baseSchema(), {
    APP_ENV: z.literal("aws"),
    QUEUE_URL: z.url(),
    BUCKET_NAME: z.string().check(z.minLength(1)),
    LINK_SECRET_ARN: z.string().check(z.minLength(1)),
  });

/** The same as the union of both: a valid APP_ENV picks its branch; any other value gets the union's own message. */
const configSchema = (appEnv: unknown) =>
  appEnv === "aws"
    ? awsSchema()
    : appEnv === "local"
      ? localSchema()
      : z.discriminatedUnion("APP_ENV", [localSchema(), awsSchema()]);
export type LocalConfig = z.infer<ReturnType<typeof localSchema>>;
export type AwsConfig = z.infer<ReturnType<typeof awsSchema>>;
export type Config = LocalConfig | AwsConfig;

/** The address calendar answers go to (the invitation's ORGANIZER). */
export const calendarReplyAddress = (config: Pick<Config, "SENDER_EMAIL" | "CALENDAR_REPLY_EMAIL">): string =>
  config.CALENDAR_REPLY_EMAIL ?? `svar@${config.SENDER_EMAIL.split("@")[1]}`;

/**
 * The origin a browser posts attachment uploads to (presigned POST): the local S3 endpoint, or in
 * AWS the bucket's regional virtual-hosted endpoint, which is the URL the SDK presigns. The pages'
 * Content-Security-Policy allows this origin in form-action.
 */
export function s3UploadOrigin(config: Config): string {
  return config.APP_ENV === "local"
    ? new URL(config.S3_ENDPOINT).origin
    : `https://${config.BUCKET_NAME}.s3.${config.AWS_REGION}.amazonaws.com`;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Why a value was refused, in a few words (zod/mini carries no message texts of its own). */
function reason(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `forventet ${issue.expected}`;
    case "too_small":
      return `minst ${issue.minimum}`;
    case "too_big":
      return `høyst ${issue.maximum}`;
    case "invalid_format":
      return `ikke gyldig ${issue.format}`;
    case "invalid_value":
      return `en av ${issue.values.join(", ")}`;
    default:
      return issue.message;
  }
}

function problems(error: z.core.$ZodError, env: Record<string, string | undefined>): string {
  return error.issues
    .map((issue) => {
      const name = issue.path.join(".") || "APP_ENV";
      const value = env[name];
      return value === undefined
        ? `${name} mangler (${reason(issue)})`
        : `${name} har ugyldig verdi ${JSON.stringify(value)} (${reason(issue)})`;
    })
    .join("; ");
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input = { APP_ENV: "aws", ...env };
  const result = configSchema(input.APP_ENV).safeParse(input);
  if (result.success) return result.data;
  throw new ConfigError(`Ugyldig konfigurasjon: ${problems(result.error, env)}`);
}

/** The local stack's configuration (npm start, the bench, the tests): APP_ENV=local with its defaults. */
export function loadLocalConfig(env: Record<string, string | undefined>): LocalConfig {
  const result = localSchema().safeParse({ ...env, APP_ENV: "local" });
  if (result.success) return result.data;
  throw new ConfigError(`Ugyldig konfigurasjon: ${problems(result.error, env)}`);
}
