// End-to-end test of `liangzhu serve` in a real browser: start the server on a free port over a
// fresh store, open the dashboard in headless Chromium (any request leaving the server fails the
// test), pick the tiny test scenario, change a parameter, start a run and see the charts fill
// while it runs, start a second, compare the two, and stop the server with SIGTERM.
// Usage: node web/scripts/dashboard-test.mjs --liangzhu build/release/liangzhu
// Exit 0 when all pass, 1 when one fails, 77 (skipped, for ctest) when there is no Chromium.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { check, exitIfNoChromium, expect, finish, launchChromium } from "./browser.mjs";

const binaryFlag = process.argv.indexOf("--liangzhu");
const liangzhu = resolve(binaryFlag > 0 ? process.argv[binaryFlag + 1] : "build/release/liangzhu");
const sourceDir = resolve(new URL("../..", import.meta.url).pathname);

exitIfNoChromium();

/** Starts `liangzhu serve --port 0` and resolves with the process and the address it printed. */
function startServer(store) {
  const server = spawn(liangzhu, ["serve", "--port", "0", "--store", store, "--scenario-dir", "tests/serve/data"], {
    cwd: sourceDir,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolveStart, reject) => {
    let out = "";
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const found = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (found) resolveStart({ server, url: found[0] });
    });
    server.on("exit", (code) => reject(new Error(`liangzhu serve exited with ${code}: ${out}`)));
    setTimeout(() => reject(new Error(`liangzhu serve printed no address in 60 s: ${out}`)), 60000);
  });
}

/** A page of `browser` that may reach nothing but `origin`; problems collects what went wrong. */
async function openPage(context, url, origin, problems) {
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { state: "attached", timeout: 60000 });
  return page;
}

/** Values drawn per chart of the page. */
function chartPoints(page) {
  return page.$$eval(".chart", (boxes) => boxes.map((box) => Number(box.dataset.points ?? 0)));
}

const work = mkdtempSync(join(tmpdir(), "liangzhu-dashboard-"));
const { server, url } = await startServer(join(work, "runs.db"));
const origin = url.replace(/\/$/, "");
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const problems = [];
await context.route("**/*", (route) => {
  if (route.request().url().startsWith(origin)) return route.continue();
  problems.push(`request to ${route.request().url()}`);
  return route.abort();
});
try {
  const page = await openPage(context, url, origin, problems);

  await check("the page offers the scenario and its parameters with units and ranges", async () => {
    await page.selectOption("#scenario", "tiny");
    // Choosing a scenario redraws its form: values typed before that would be lost.
    await page.waitForSelector('#parameters[data-scenario="tiny"]', { state: "attached", timeout: 60000 });
    const input = page.locator('input[data-key="hub.test.noncompete.max_months"]');
    expect((await input.inputValue()) === "24", `max_months shows ${await input.inputValue()}`);
    const row = await input.locator("..").textContent();
    expect(row.includes("[0, 120] months"), `the max_months row reads '${row}'`);
  });

  await check("an out-of-range value is refused on the page and starts no run", async () => {
    await page.fill('input[data-key="hub.test.noncompete.max_months"]', "500");
    await page.click("#start");
    const message = await page.textContent("#messages");
    expect(message.includes("max_months") && message.includes("120"), `the message reads '${message}'`);
    expect((await page.$$("#runs tr[data-run]")).length === 0, "a run was started");
  });

  await check("a run with a changed parameter fills the charts while it runs", async () => {
    // What the charts showed when they were first drawn, noted by the page itself: reading the
    // progress line afterwards races with the run (on a loaded machine the page may draw its first
    // weeks and hear that the run ended before the test looks), a partial first drawing does not.
    await page.evaluate(() => {
      const observer = new MutationObserver(() => {
        const points = [...document.querySelectorAll(".chart")].map((b) => Number(b.dataset.points ?? 0));
        if (!points.some((p) => p > 0)) return;
        window.firstDrawn = points;
        observer.disconnect();
      });
      observer.observe(document.body, { attributes: true, attributeFilter: ["data-points"], subtree: true });
    });
    await page.fill('input[data-key="hub.test.noncompete.max_months"]', "6");
    await page.fill("#tick-delay", "250");
    await page.fill("#label", "short noncompetes");
    await page.click("#start");
    await page.waitForSelector("#progress[data-status=complete]", { timeout: 60000 });
    const first = await page.evaluate(() => window.firstDrawn ?? []);
    const done = await chartPoints(page);
    expect(done.every((p) => p > 0), `some charts drew nothing: ${done}`);
    expect(first.length === done.length, `the charts were not drawn before the run ended: ${first}`);
    expect(
      first.some((p, i) => p < done[i]),
      `the first drawing was already the whole run: ${first} then ${done}`,
    );
    await page.waitForSelector('#runs tr[data-run="1"]');
    const row = await page.textContent('#runs tr[data-run="1"]');
    expect(row.includes("short noncompetes") && row.includes("complete"), `run 1 is listed as '${row}'`);
  });

  await check("two runs compared side by side", async () => {
    await page.fill("#tick-delay", "0");
    await page.fill("#label", "default noncompetes");
    await page.fill('input[data-key="hub.test.noncompete.max_months"]', "24");
    await page.click("#start");
    await page.waitForSelector('#progress[data-run="2"][data-status=complete]', { timeout: 60000 });
    await page.waitForSelector('#compare-b option[value="2"]', { state: "attached" });
    await page.selectOption("#compare-a", "1");
    await page.selectOption("#compare-b", "2");
    const [compared] = await Promise.all([context.waitForEvent("page"), page.click("#compare-link")]);
    await compared.waitForSelector("body[data-ready=true]", { state: "attached", timeout: 60000 });
    const runRows = await compared.$$eval("table.runs tr", (trs) => trs.length - 1);
    expect(runRows === 2, `the comparison lists ${runRows} runs`);
    const points = await chartPoints(compared);
    expect(points.every((p) => p > 0), `some charts of the comparison drew nothing: ${points}`);
    const legend = await compared.$eval("#chart-tigers", (box) => box.textContent ?? "");
    expect(legend.includes("short noncompetes") && legend.includes("default noncompetes"), `the legend reads ${legend}`);
  });

  await check("a slow run is cancelled from the page and stored as interrupted", async () => {
    await page.fill("#tick-delay", "1000");
    await page.fill("#label", "cancelled");
    await page.click("#start");
    await page.waitForSelector('#progress[data-run="3"][data-status=running]', { timeout: 60000 });
    await page.click("#cancel");
    await page.waitForSelector('#progress[data-run="3"][data-status=interrupted]', { timeout: 60000 });
    expect(await page.isHidden("#cancel"), "the cancel button is still shown after the run ended");
    const tick = Number(await page.getAttribute("#progress", "data-tick"));
    expect(tick < 30, `the cancelled run went on to week ${tick}`);
  });

  await check("the page logged no error and fetched nothing from elsewhere", async () => {
    expect(problems.length === 0, problems.join("\n"));
  });

  await check("SIGTERM stops the server cleanly", async () => {
    const exited = new Promise((done) => server.once("exit", (code, signal) => done({ code, signal })));
    server.kill("SIGTERM");
    const timeout = new Promise((done) => setTimeout(() => done({ code: "timeout" }), 10000));
    const { code, signal } = await Promise.race([exited, timeout]);
    expect(code === 0, `liangzhu serve ended with code ${code}, signal ${signal}`);
  });
} finally {
  await browser.close();
  if (server.exitCode === null) server.kill("SIGKILL");
  rmSync(work, { recursive: true, force: true });
}
finish();
