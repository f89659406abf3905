// The local stand-in for SES inbound: an SMTP server on 127.0.0.1 that hands each message to the same
// calendar-reply code the inbound-mail Lambda runs (in AWS: SES receipt rule → S3 → Lambda).
import { SMTPServer } from "smtp-server";
import { recordCalendarReply } from "../shared/calendar-replies/index.js";
import type { AppContext } from "../shared/context.js";

/** Enough for any calendar answer; a bigger message is refused at the SMTP level. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

export async function startInboundSmtp(ctx: AppContext, port: number): Promise<{ port: number; stop(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (stream.sizeExceeded) return callback(new Error("Meldingen er for stor."));
        // Accepted once recorded (or ignored): the sender's client sees an answer only then.
        recordCalendarReply(ctx, Buffer.concat(chunks)).then(
          () => callback(),
          (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === "object" && address ? address.port : port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
