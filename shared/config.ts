import { z } from "zod";

/**
 * The one configuration module. Lambdas and the local stack both call loadConfig();
 * a wrong or missing variable stops start-up with a message naming it.
 */

/** The local S3's default port (`npm start`; S3_PORT to change). */
export const LOCAL_S3_PORT = 8006;

const baseSchema = z.object({
  TABLE_NAME: z.string().min(1),
  AWS_REGION: z.string().min(1).default("eu-north-1"),
  BASE_URL: z.url(),
  SENDER_EMAIL: z.email(),
  /** SES maximum send rate (messages per second) the send worker must never exceed. */
  SES_MAX_SEND_RATE: z.coerce.number().positive().max(10_000).default(14),
  /** How many send workers may run at once (Lambda max concurrency); each takes its share of the rate. */
  SEND_WORKER_CONCURRENCY: z.coerce.number().int().positive().max(100).default(1),
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
  /** Days before the reply deadline that the automatic reminder goes out. */
  REMINDER_DAYS_BEFORE_DEADLINE: z.coerce.number().int().min(0).max(60).default(2),
  /** Reply-form posts per client address per hour (rate limit; one NAT can hold a whole town hall). */
  REPLY_POSTS_PER_CLIENT_PER_HOUR: z.coerce.number().int().positive().default(120),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

const localSchema = baseSchema.extend({
  APP_ENV: z.literal("local"),
  DYNAMODB_ENDPOINT: z.url(),
  SES_ENDPOINT: z.url(),
  /** The local S3 (s3rver, behind the POST-policy front in local/s3-front.ts); path-style requests. */
  S3_ENDPOINT: z.url().default(`http://127.0.0.1:${LOCAL_S3_PORT}`),
  /** Bucket for attachments and previews; locally created on start (tests make one per app). */
  BUCKET_NAME: z.string().min(3).max(63).default("moter-vedlegg"),
  /** Folder for the generated link-signing key and DynamoDB Local's and the local S3's files. */
  DATA_DIR: z.string().min(1),
});

const awsSchema = baseSchema.extend({
  APP_ENV: z.literal("aws"),
  QUEUE_URL: z.url(),
  BUCKET_NAME: z.string().min(1),
  LINK_SECRET_ARN: z.string().min(1),
});

export const configSchema = z.discriminatedUnion("APP_ENV", [localSchema, awsSchema]);
export type Config = z.infer<typeof configSchema>;
export type LocalConfig = z.infer<typeof localSchema>;
export type AwsConfig = z.infer<typeof awsSchema>;

/**
 * The origin a browser posts attachment uploads to (presigned POST): the local S3 endpoint, or in
 * AWS the bucket's regional virtual-hosted endpoint, which is the URL the SDK presigns. The pages'
 * Content-Security-Policy allows this origin in form-action.
 */
export function s3UploadOrigin(config: Config): string {
  return config.APP_ENV === "local" ? new URL(config.S3_ENDPOINT).origin : `https://${config.BUCKET_NAME}.s3.${config.AWS_REGION}.amazonaws.com`;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse({ APP_ENV: "aws", ...env });
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "APP_ENV";
    const value = env[name];
    return value === undefined
      ? `${name} mangler (${issue.message})`
      : `${name} har ugyldig verdi ${JSON.stringify(value)} (${issue.message})`;
  });
  throw new ConfigError(`Ugyldig konfigurasjon: ${problems.join("; ")}`);
}
