/** Outgoing email. The message is complete MIME (built in emails/mime.ts); the port only delivers it. */
export interface RawEmail {
  from: string;
  to: string[];
  /** The full RFC 5322 message, headers and body. */
  raw: Uint8Array;
}

export interface MailPort {
  /** Sends one message; returns the provider's message id. Throws MailThrottledError when asked to slow down. */
  send(message: RawEmail): Promise<{ messageId: string }>;
}

/** The provider asked us to slow down (SES "Throttling" / "MaxSendingRateExceeded"): retry later. */
export class MailThrottledError extends Error {
  constructor(message = "Sending rate exceeded") {
    super(message);
    this.name = "MailThrottledError";
  }
}

/** The provider refused this message for good (bad address, rejected content): record it, do not retry. */
export class MailRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MailRejectedError";
  }
}
