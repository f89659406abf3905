/** The test browser: a Chromium from playwright-core, found or installed once. */
import { existsSync, mkdirSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Debian's Chromium driven by playwright-core (no browser download). Sandboxed iframes (the
 * email preview) stay in the page's process: isolated in their own, the first synthetic click
 * after a resize or screenshot is now and then routed to nowhere (a test-driver effect only).
 */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-features=IsolateSandboxedIframes",
    ],
  });
}

/** Where Chromium is: CHROMIUM_PATH, else Debian/Ubuntu's or Homebrew's place. */
const chromiumPlaces = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/Applications/Chromium.app/Contents/MacOS/Chromium"];

/** The browser test needs Chromium: when it is missing, the test fails with this one line (README: prerequisites). */
function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || chromiumPlaces.find((p) => existsSync(p));
  if (path && existsSync(path)) return path;
  const error = new Error(
    `Chromium not found (${process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH}` : chromiumPlaces.join(", ")}): install it (Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask chromium) or set CHROMIUM_PATH to its executable.`,
  );
  error.stack = error.message; // one line, not a stack trace
  throw error;
}

const screenshotDir = "test-results/screenshots";
mkdirSync(screenshotDir, { recursive: true });

/** WCAG 2.1 AA (Norwegian universal-design rules for public-sector web pages): no violations allowed. */
export async function expectAccessible(page: Page, name: string) {
  // The only iframe is the sandboxed email preview (email markup, not a page; scripts are off in
  // it so axe could not run there anyway). Everything around it is checked.
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .options({ iframes: false })
    .analyze();
  const problems = result.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")})`,
  );
  expect(problems, `axe on ${name}`).toEqual([]);
}

/** Usable at a phone's width: nothing wider than the viewport. Screenshots at 375 and 1280 px. */
export async function checkWidths(page: Page, name: string) {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${width}px overflows by ${overflow}px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${screenshotDir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
