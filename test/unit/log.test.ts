// The loggers: JSON lines, and never a personal link, login link or token (secret-looking values redacted).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "../../shared/log.js";

/** What the logger wrote to stdout and stderr, one parsed JSON object per line. */
function captureOutput() {
  const lines: string[] = [];
  const capture = (chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  };
  const out = vi.spyOn(process.stdout, "write").mockImplementation(capture as never);
  const err = vi.spyOn(process.stderr, "write").mockImplementation(capture as never);
  return {
    raw: () => lines.join(""),
    entries: () =>
      lines
        .join("")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    restore: () => {
      out.mockRestore();
      err.mockRestore();
    },
  };
}

const token = "01J0MEETING0000000000000000.01J0INVITE00000000000000000.Zm9vYmFyYmF6cXV4cXV1eHF1dXhx";
const personal = `https://moter.vestregionen.no/r/${token}`;
const attachment = `https://moter.vestregionen.no/a/${token}/3`;
const login = "https://moter.vestregionen.no/logg-inn/lenke?token=c2VjcmV0LWxvZ2luLXRva2VuLXZhbHVl";

describe("logs never hold a personal link, a login link or a token", () => {
  let output: ReturnType<typeof captureOutput>;
  beforeEach(() => {
    output = captureOutput();
  });
  afterEach(() => output.restore());

  it("a queue message or request logged whole leaks the link: values under secret-looking keys are redacted, at any depth, whatever the case", () => {
    const log = createLogger("debug", { function: "test" });
    log.error("queue message failed", {
      message: { kind: "login-link", to: "nina@vestregionen.no", url: login },
      replyUrl: personal,
      Token: "abc",
      headers: { Authorization: "Bearer hemmelig-api-token", Cookie: "sid=hemmelig-sesjon; csrf=hemmelig-csrf", "x-csrf": "x" },
      deliveries: [{ id: "d1", link: personal }],
      sid: "hemmelig-sesjon",
      password: "pw",
      signingSecret: "s",
      sendId: "01SEND",
    });
    const raw = output.raw();
    for (const secret of [token, "c2VjcmV0LWxvZ2luLXRva2VuLXZhbHVl", "hemmelig", 'abc"', '"pw"'])
      expect(raw).not.toContain(secret);
    const [entry] = output.entries();
    expect(entry).toMatchObject({
      level: "error",
      msg: "queue message failed",
      function: "test",
      // What is not secret stays readable.
      sendId: "01SEND",
      message: { kind: "login-link", to: "nina@vestregionen.no" },
      deliveries: [{ id: "d1" }],
    });
    expect((entry!.message as Record<string, unknown>).url).toBe("[redacted]");
    expect(entry!.Token).toBe("[redacted]");
    expect((entry!.headers as Record<string, unknown>).Authorization).toBe("[redacted]");
  });

  it("an error message or a path that quotes a link leaks it: links and tokens inside any string are masked", () => {
    const log = createLogger("info");
    const err = new Error(`fetch ${personal} failed; also ${attachment} and ${login}`);
    log.error(`could not open ${personal}`, { err, path: `/r/${token}`, note: `GET /a/${token}/2 then Bearer abc.def.ghi` });
    log.info("plain", { text: [`see ${login}&next=1`] });
    const raw = output.raw();
    expect(raw).not.toContain(token);
    expect(raw).not.toContain("c2VjcmV0LWxvZ2luLXRva2VuLXZhbHVl");
    expect(raw).not.toContain("abc.def.ghi");
    const [first, second] = output.entries();
    expect(first!.msg).toBe("could not open https://moter.vestregionen.no/r/[redacted]");
    expect(first!.path).toBe("/r/[redacted]");
    expect(first!.note).toBe("GET /a/[redacted]/2 then Bearer [redacted]");
    const e = first!.err as { name: string; message: string; stack: string };
    expect(e.name).toBe("Error");
    expect(e.message).toBe(
      "fetch https://moter.vestregionen.no/r/[redacted] failed; also https://moter.vestregionen.no/a/[redacted]/3 and https://moter.vestregionen.no/logg-inn/lenke?token=[redacted]",
    );
    expect(e.stack).not.toContain(token);
    expect(second!.text).toEqual(["see https://moter.vestregionen.no/logg-inn/lenke?token=[redacted]&next=1"]);
  });

  it("still writes ordinary logs: nothing below the level, what is not secret unchanged, a cycle does not throw", () => {
    const log = createLogger("info");
    log.debug("hidden");
    const cyclic: Record<string, unknown> = { meetingId: "m1", path: "/moter/m1/send" };
    cyclic.self = cyclic;
    log.warn("cyclic", cyclic);
    const entries = output.entries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      level: "warn",
      msg: "cyclic",
      meetingId: "m1",
      path: "/moter/m1/send",
      self: { meetingId: "m1", self: "[circular]" },
    });
  });
});
