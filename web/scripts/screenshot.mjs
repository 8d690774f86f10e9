// Renders an HTML report in headless Chromium and saves a full-page PNG (docs/img/report.png for
// the README). Usage: node web/scripts/screenshot.mjs REPORT.html OUT.png
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

import { haveChromium, chromiumPath, launchChromium, openReport } from "./browser.mjs";

const [report, output] = process.argv.slice(2);
if (!report || !output) {
  console.error("usage: node web/scripts/screenshot.mjs REPORT.html OUT.png");
  process.exit(2);
}
if (!haveChromium()) {
  console.error(`screenshot: no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM)`);
  process.exit(3);
}
const browser = await launchChromium();
try {
  const { page, problems } = await openReport(browser, report);
  if (problems.length > 0) throw new Error(problems.join("\n"));
  mkdirSync(dirname(output), { recursive: true });
  await page.screenshot({ path: output, fullPage: true });
  console.log(`screenshot of ${report} written to ${output}`);
} finally {
  await browser.close();
}
