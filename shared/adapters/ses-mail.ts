// Raw emails through SES (or the local SES) behind the mail port.
import { SESClient, SendRawEmailCommand } from "@aws-sdk/client-ses";
import { type MailPort, MailRejectedError, MailThrottledError, type RawEmail } from "../ports/mail.js";

/** SES (v1 API, SendRawEmail). Locally the endpoint is aws-ses-v2-local, which speaks the same API. */
export class SesMail implements MailPort {
  private readonly client: SESClient;

  constructor(opts: { region: string; endpoint?: string; configurationSet?: string }) {
    this.client = new SESClient({
      region: opts.region,
      ...(opts.endpoint ? { endpoint: opts.endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } } : {}),
      // Throttling is handled by our own rate limiter and back-off; SDK retries would hide it.
      maxAttempts: 1,
    });
    this.configurationSet = opts.configurationSet;
  }

  private readonly configurationSet: string | undefined;

  async send(message: RawEmail): Promise<{ messageId: string }> {
    try {
      const out = await this.client.send(
        new SendRawEmailCommand({
          Source: message.from,
          Destinations: message.to,
          RawMessage: { Data: message.raw },
          ConfigurationSetName: this.configurationSet,
        }),
      );
      if (!out.MessageId) throw new Error("SES returned no MessageId");
      return { messageId: out.MessageId };
    } catch (err) {
      const name = (err as { name?: string }).name ?? "";
      const msg = (err as Error).message ?? "";
      if (name === "Throttling" || name === "ThrottlingException" || /Maximum sending rate exceeded/i.test(msg)) {
        throw new MailThrottledError(msg);
      }
      if (
        name === "MessageRejected" ||
        name === "MailFromDomainNotVerifiedException" ||
        name === "InvalidParameterValue" ||
        name === "ValidationError" ||
        (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 400
      ) {
        throw new MailRejectedError(`${name}: ${msg}`);
      }
      throw err;
    }
  }
}
