/** The Lambdas' structured JSON logs: one line per invocation, secrets redacted. */
import { describe, expect, it } from "vitest";
import { logInvocation, PowertoolsLogger } from "../../shared/adapters/powertools-logger.js";
import { captureOutput, lambdaContext } from "./support.js";

/**
 * The Lambdas' logger (shared/adapters/powertools-logger.ts, wired in createAwsContext): Powertools'
 * structured JSON with the invocation's request id, our redaction first (DESIGN §7).
 */
const token = "01J0MEETING0000000000000000.01J0INVITE00000000000000000.Zm9vYmFyYmF6cXV4cXV1eHF1dXhx";

describe("PowertoolsLogger", () => {
  it("writes JSON lines with the request id once the invocation's context is given, at the configured level", () => {
    const log = new PowertoolsLogger({ level: "info", fields: { function: "tick" } });
    const context = lambdaContext("tick");
    const output = captureOutput();
    try {
      log.info("before any invocation");
      logInvocation(log, context);
      log.debug("not at info");
      log.warn("tick", { ran: 2, failed: 0, message: "a field named like Powertools' own" });
    } finally {
      output.restore();
    }
    const [first, second, ...rest] = output.entries();
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ level: "INFO", message: "before any invocation", service: "moteinnkalling", function: "tick" });
    expect(first).not.toHaveProperty("function_request_id");
    expect(second).toMatchObject({
      level: "WARN",
      message: "tick",
      function_request_id: context.awsRequestId,
      function_name: context.functionName,
      ran: 2,
      failed: 0,
      field_message: "a field named like Powertools' own",
    });
  });

  it("keeps our redaction: no personal link, login link or token reaches the log", () => {
    const log = new PowertoolsLogger({ level: "debug" });
    const output = captureOutput();
    try {
      log.error(`could not open https://moter.vestregionen.no/r/${token}`, {
        err: new Error(`fetch failed for https://moter.vestregionen.no/a/${token}/3`),
        replyUrl: `https://moter.vestregionen.no/r/${token}`,
        headers: { authorization: "Bearer abc.def", cookie: "sid=s3cr3t" },
        path: "/logg-inn/lenke?token=c2VjcmV0LWxvZ2luLXRva2Vu",
      });
    } finally {
      output.restore();
    }
    const raw = output.raw();
    for (const secret of [token, "abc.def", "s3cr3t", "c2VjcmV0LWxvZ2luLXRva2Vu"]) expect(raw).not.toContain(secret);
    expect(output.entries()[0]).toMatchObject({
      level: "ERROR",
      replyUrl: "[redacted]",
      path: "/logg-inn/lenke?token=[redacted]",
      err: { name: "Error" },
    });
  });

  it("writes nothing at level silent", () => {
    const log = new PowertoolsLogger({ level: "silent" });
    const output = captureOutput();
    try {
      log.error("nothing");
    } finally {
      output.restore();
    }
    expect(output.raw()).toBe("");
  });
});
