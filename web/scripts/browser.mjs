// Debian's Chromium, headless, driven by playwright-core (which downloads no browser of its own).
// Shared by the screenshot script and the browser tests, with the browser tests' checks.
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

import { chromium } from "playwright-core";

/** Where Chromium is: $CHROMIUM, else Debian's. */
export const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** True when there is a Chromium to start. */
export function haveChromium() {
  return existsSync(chromiumPath);
}

/** Ends the process with 77 (skipped, for ctest) when there is no Chromium. */
export function exitIfNoChromium() {
  if (haveChromium()) return;
  console.log(`SKIPPED: no Chromium at ${chromiumPath}; 'bash scripts/install-deps.sh' installs it`);
  process.exit(77);
}

const results = { passed: 0, failed: 0 };

/** Runs one check of a browser test, printing ok or FAIL with the reason. */
export async function check(name, body) {
  try {
    await body();
    results.passed += 1;
    console.log(`ok   ${name}`);
  } catch (e) {
    results.failed += 1;
    console.log(`FAIL ${name}\n     ${String(e.message).replaceAll("\n", "\n     ")}`);
  }
}

/** Fails the check being run with `message` unless `condition` holds. */
export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Prints the tally and exits 0 when every check passed, 1 otherwise. */
export function finish() {
  console.log(`${results.passed} passed, ${results.failed} failed`);
  process.exit(results.failed === 0 ? 0 : 1);
}

/** A headless Chromium; --no-sandbox because CI runs as root. */
export function launchChromium() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
}

/**
 * Opens the report `file` in a new page that may reach nothing but the file itself, and waits
 * until the report says it is drawn. Returns the page and the console errors and failed requests
 * seen so far (the arrays keep filling while the page lives).
 */
export async function openReport(browser, file, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  const url = pathToFileURL(resolve(file)).href;
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  // An offline report fetches nothing: every request other than the page itself is a failure.
  await page.route("**/*", (route) => {
    if (route.request().url() === url) return route.continue();
    problems.push(`request to ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(url);
  try {
    await page.waitForSelector("body[data-ready=true]", { state: "attached", timeout: 20000 });
  } catch (e) {
    throw new Error(`${file} was not drawn within 20 s: ${[e.message, ...problems].join("\n")}`);
  }
  return { page, problems };
}
