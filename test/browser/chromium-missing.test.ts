import { afterEach, describe, expect, it } from "vitest";
import { launch } from "./browser.js";

/** Without Chromium the browser tests fail, with one line saying how to install it (not a skip, not a stack trace). */
describe("the browser tests without Chromium", () => {
  const before = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (before === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = before;
  });

  it("fails with one line naming the install commands and CHROMIUM_PATH", async () => {
    process.env.CHROMIUM_PATH = "/finnes/ikke/chromium";
    const error = await launch().then(
      () => undefined,
      (err: Error) => err,
    );
    expect(error?.message).toMatch(/^Chromium not found \(CHROMIUM_PATH=\/finnes\/ikke\/chromium\)/);
    expect(error?.message).toContain("apt-get install chromium");
    expect(error?.message).toContain("brew install --cask chromium");
    expect(error?.stack).toBe(error?.message);
    expect(error?.message).not.toContain("\n");
  });
});
