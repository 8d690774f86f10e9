// Answers docs/dashboard.md's question in the lab as a newcomer would, and saves the page: at
// URL (a running `liangzhu serve`), pick SCENARIO, add the dated changes (noncompetes no longer
// upheld and compute vouchers doubled from 2026), run REPLICATES pairs against the scenario, wait
// for the answer and save a 1400x900 screenshot to OUT.png. Prints the answer and the time from
// opening the page to the answer (the runs included).
// Usage: node web/scripts/lab-screenshot.mjs URL OUT.png [SCENARIO] [REPLICATES]
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

import { launchChromium } from "./browser.mjs";

const [url, output, scenario = "baseline", replicates = "5"] = process.argv.slice(2);
if (!url || !output) {
  console.error("usage: node web/scripts/lab-screenshot.mjs URL OUT.png [SCENARIO] [REPLICATES]");
  process.exit(2);
}
const changes = [
  ["noncompete.enforceable", "0"],
  ["government.local.voucher_budget_cny_per_year", "5e8"],
  ["government.provincial.voucher_budget_cny_per_year", "3e8"],
];
const browser = await launchChromium();
try {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  const began = Date.now();
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { state: "attached", timeout: 60000 });
  await page.selectOption("#scenario", scenario);
  await page.waitForSelector(`#parameters[data-scenario="${scenario}"]`, { state: "attached", timeout: 60000 });
  await page.fill("#setup-name", "noncompete ban + vouchers x2 from 2026");
  await page.fill("#lever-search", "voucher");
  for (const [key, value] of changes) {
    await page.click("#add-policy");
    const row = page.locator("#policy-timeline tbody tr").last();
    await row.locator(".policy-date").fill("2026-01-01");
    await row.locator(".policy-key").fill(key);
    await row.locator(".policy-value").fill(value);
  }
  await page.fill("#replicates", replicates);
  await page.click("#run-ensemble");
  await page.waitForSelector("#progress[data-status=complete]", { state: "attached", timeout: 3600000 });
  await page.waitForSelector(`#answer[data-done="${2 * Number(replicates)}"]`, { state: "attached", timeout: 60000 });
  const seconds = (Date.now() - began) / 1000;
  await page.evaluate(() => document.querySelector("aside.side")?.scrollTo(0, 0));
  mkdirSync(dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  console.log(await page.textContent("#answer"));
  console.log(`${seconds.toFixed(0)} s from opening the page to the answer; screenshot in ${output}`);
  if (problems.length > 0) console.log(`console errors:\n${problems.join("\n")}`);
} finally {
  await browser.close();
}
