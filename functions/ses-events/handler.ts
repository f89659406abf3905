import type { SNSEvent } from "aws-lambda";
import { loadConfig } from "../../shared/config.js";
import { createAwsContext } from "../../shared/context.js";
import { recordSesNotifications } from "../../shared/sending/ses-events.js";

const config = loadConfig();
if (config.APP_ENV !== "aws") throw new Error("the ses-events Lambda runs with APP_ENV=aws");
const ctx = createAwsContext(config, "ses-events");

/** Thin entry point: SES event publishing → SNS → here; records delivery, bounce and complaint per delivery. */
export async function handler(event: SNSEvent): Promise<void> {
  await recordSesNotifications(
    ctx,
    event.Records.map((r) => r.Sns.Message),
  );
}
