// End-to-end test of `liangzhu serve`'s policy lab in a real browser: start the server on a free
// port over a fresh store, open the lab in headless Chromium at 1400x900 (any request leaving the
// server fails the test), search a lever, set a dated policy, run a 5-replicate ensemble against
// the scenario and check the answer sentence against the store and against `liangzhu compare` of
// the downloaded scenario file, rerun that file with `liangzhu run` to the lab's run bit for bit,
// watch a single run fill the charts, pause and resume the queue, compare two runs, cancel one,
// and stop the server with SIGTERM.
// Usage: node web/scripts/dashboard-test.mjs --liangzhu build/release/liangzhu
// Exit 0 when all pass, 1 when one fails, 77 (skipped, for ctest) when there is no Chromium.
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
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
  // Every wait may take a minute: the suite runs beside compiles and other tests on two shared
  // cores, where a page that answers in a second when idle may take tens of seconds.
  page.setDefaultTimeout(60000);
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

/** Clicks "Single run" and resolves with the new run's id once the page follows it. */
async function startSingleRun(page) {
  const before = (await page.getAttribute("#progress", "data-run")) ?? "";
  await page.click("#start");
  const handle = await page.waitForFunction((old) => {
    const run = document.querySelector("#progress")?.dataset.run;
    return run && run !== old ? run : undefined;
  }, before, { timeout: 60000 });
  return handle.jsonValue();
}

const work = mkdtempSync(join(tmpdir(), "liangzhu-dashboard-"));
const { server, url } = await startServer(join(work, "runs.db"));
const origin = url.replace(/\/$/, "");
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
const problems = [];
await context.route("**/*", (route) => {
  if (route.request().url().startsWith(origin)) return route.continue();
  problems.push(`request to ${route.request().url()}`);
  return route.abort();
});
try {
  const page = await openPage(context, url, origin, problems);

  await check("the lab offers every lever of the scenario, found by a search", async () => {
    await page.selectOption("#scenario", "tiny");
    // Choosing a scenario redraws its levers: values typed before that would be lost.
    await page.waitForSelector('#parameters[data-scenario="tiny"]', { state: "attached", timeout: 60000 });
    const count = await page.textContent("#lever-search + p");
    expect(Number(count.split(" ")[0]) > 200, `the lab offers ${count}`);
    await page.fill("#lever-search", "noncompete months");
    const shown = await page.$$eval(".lever", (rows) => rows.filter((r) => !r.hidden).map((r) => r.dataset.lever));
    expect(shown.includes("hub.test.noncompete.max_months"), `the search shows ${shown}`);
    expect(!shown.includes("ticks"), `the search left the run's length shown: ${shown}`);
    const input = page.locator('input[data-key="hub.test.noncompete.max_months"]');
    expect((await input.inputValue()) === "24", `max_months shows ${await input.inputValue()}`);
    const row = await page.textContent('.lever[data-lever="hub.test.noncompete.max_months"]');
    expect(row.includes("[0, 120] months") && row.includes("noncompete"), `the max_months row reads '${row}'`);
    await page.fill("#lever-search", "");
  });

  await check("an out-of-range value is refused on the page and starts no run", async () => {
    await page.fill('input[data-key="hub.test.noncompete.max_months"]', "500");
    await page.click("#start");
    const message = await page.textContent("#messages");
    expect(message.includes("max_months") && message.includes("120"), `the message reads '${message}'`);
    expect((await page.$$("#runs tr[data-run]")).length === 0, "a run was started");
  });

  let lab = "";
  await check("a dated policy and a 5-replicate ensemble against the scenario give the answer, checked against the store", async () => {
    await page.fill('input[data-key="hub.test.noncompete.max_months"]', "0");
    expect(await page.isVisible('.lever.changed[data-lever="hub.test.noncompete.max_months"] .reset'), "a changed lever is not marked");
    await page.click("#add-policy");
    await page.fill(".policy-date", "2025-03-05");
    await page.fill(".policy-key", "government.local.subsidy_per_startup_cny");
    await page.fill(".policy-value", "0");
    await page.fill("#replicates", "5");
    await page.click("#run-ensemble");
    await page.waitForSelector("#progress[data-status=complete]", { state: "attached", timeout: 120000 });
    await page.waitForSelector('#answer[data-done="10"]', { state: "attached", timeout: 60000 });
    const answer = await page.textContent("#answer");
    expect(answer.startsWith("Against tiny:") && answer.includes("5 pairs of runs"), `the answer reads '${answer}'`);
    // The figure in the sentence is the store's paired difference of the spending.
    const id = await page.getAttribute("#answer", "data-ensemble");
    const data = await page.evaluate(async (url) => (await fetch(url)).json(), `/api/ensembles/${id}/data`);
    const spending = data.runs[1].summary.find((f) => f.name === "government_spending_cny");
    const amount = `${(Math.abs(spending.difference) / 1e6).toFixed(2).replace(/\.?0+$/, "")} m CNY`;
    expect(answer.includes(amount), `the answer '${answer}' lacks the store's spending difference ${amount}`);
    lab = amount;
    // The policy's date is marked on the time charts.
    const marked = await page.$eval("#chart-stages", (box) => box.textContent ?? "");
    expect(marked.includes("subsidy_per_startup_cny"), "the policy change is not marked on the charts");
    const answerBox = await page.$eval("#answer", (e) => e.getBoundingClientRect().bottom);
    const firstChart = await page.$eval(".results .chart", (e) => e.getBoundingClientRect().top);
    expect(answerBox < 900 && firstChart < 900, `the answer (bottom ${answerBox}) or the first chart (top ${firstChart}) is below the fold`);
    // At 1920x1080 too, with the levers and the results side by side.
    await page.setViewportSize({ width: 1920, height: 1080 });
    const wide = await page.$eval(".results .chart", (e) => e.getBoundingClientRect());
    const side = await page.$eval("aside.side", (e) => e.getBoundingClientRect());
    expect(wide.top < 1080 && side.right <= wide.left, `at 1920x1080 the first chart is at ${JSON.stringify(wide)}, the levers end at ${side.right}`);
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  await check("the set-up downloads as a scenario file that liangzhu compare and run reproduce", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
    const file = join(work, "setup.toml");
    await download.saveAs(file);
    execFileSync(liangzhu, ["validate", file], { cwd: sourceDir });
    const tiny = join(sourceDir, "tests/serve/data/tiny.toml");
    const printed = execFileSync(liangzhu, ["compare", tiny, file, "--replicates", "5", "--out", join(work, "cli.db")], { cwd: sourceDir }).toString();
    const row = printed.split("\n").find((l) => l.includes("government_spending_cny")) ?? "";
    expect(row.includes(`-${lab.replace(" CNY", "")}`), `liangzhu compare's spending row '${row}' differs from the lab's ${lab}`);
    // One run of the set-up in the lab and the file run by the CLI: the same weeks, bit for bit.
    const labRun = await startSingleRun(page);
    await page.waitForSelector(`#progress[data-run="${labRun}"][data-status=complete]`, { timeout: 60000 });
    execFileSync(liangzhu, ["run", file, "--out", join(work, "cli-run.db"), "-q"], { cwd: sourceDir });
    const hash = (store, run) => {
      const dir = join(work, `export-${run}-${store.length}`);
      execFileSync(liangzhu, ["export", store, "--run", run, "--dir", dir], { cwd: sourceDir });
      const rows = readFileSync(join(dir, "series.csv"), "utf8").split("\n").map((l) => l.slice(l.indexOf(",") + 1));
      return createHash("sha256").update(rows.join("\n")).digest("hex");
    };
    const fromLab = hash(join(work, "runs.db"), labRun);
    const fromCli = hash(join(work, "cli-run.db"), "1");
    expect(fromLab === fromCli, `the lab's run ${labRun} (${fromLab}) and the CLI's run of the file (${fromCli}) differ`);
    // The run lists what it changed, the dated policy included.
    const listed = await page.textContent(`#runs tr[data-run="${labRun}"]`);
    expect(listed.includes("policy 2025-03-05") && listed.includes("tiny_lab"), `the run is listed as '${listed}'`);
  });

  await check("the downloaded file and a stored run open in the lab with their levers and policies", async () => {
    const restored = async (what) => {
      const months = await page.inputValue('input[data-key="hub.test.noncompete.max_months"]');
      const keys = await page.$$eval(".policy-key", (inputs) => inputs.map((i) => i.value));
      expect(months === "0" && keys.length === 1 && keys[0] === "government.local.subsidy_per_startup_cny", `${what} opened as max_months ${months}, policies ${keys}`);
      expect((await page.textContent("#messages")) === "", `${what}: ${await page.textContent("#messages")}`);
    };
    await page.fill('input[data-key="hub.test.noncompete.max_months"]', "24");
    await page.click(".policies button.reset");
    expect((await page.$$(".policy-key")).length === 0, "the policy change was not removed");
    await page.setInputFiles("#open-file", join(work, "setup.toml"));
    await page.waitForSelector("body[data-opened='1']", { state: "attached", timeout: 60000 });
    await restored("the file");
    await page.fill('input[data-key="hub.test.noncompete.max_months"]', "24");
    await page.click(".policies button.reset");
    const run = await page.getAttribute("#progress", "data-run");
    await page.click(`button.open-run[data-run="${run}"]`);
    await page.waitForSelector("body[data-opened='2']", { state: "attached", timeout: 60000 });
    await restored(`run ${run}`);
  });

  await check("the queue pauses a run between weeks and resumes it", async () => {
    await page.click("#pause");
    await page.waitForSelector('#pause[data-paused="true"]', { state: "attached" });
    await page.fill("#tick-delay", "0");
    const run = await startSingleRun(page);
    await page.waitForSelector(`#progress[data-run="${run}"][data-status=running]`, { state: "attached", timeout: 60000 });
    const held = Number(await page.getAttribute("#progress", "data-tick"));
    await page.waitForTimeout(1000);
    const still = Number(await page.getAttribute("#progress", "data-tick"));
    expect(held === still && still < 30, `a paused run went from week ${held} to ${still}`);
    expect((await page.textContent("#queue")).startsWith("Paused."), "the queue does not say it is paused");
    await page.click("#pause");
    await page.waitForSelector(`#progress[data-run="${run}"][data-status=complete]`, { state: "attached", timeout: 60000 });
    await page.fill('input[data-key="hub.test.noncompete.max_months"]', "24");
    await page.click('.policies button.reset');
  });

  let first = "";
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
    const run = await startSingleRun(page);
    await page.waitForSelector(`#progress[data-run="${run}"][data-status=complete]`, { timeout: 60000 });
    first = run;
    const drawn = await page.evaluate(() => window.firstDrawn ?? []);
    const done = await chartPoints(page);
    expect(done.every((p) => p > 0), `some charts drew nothing: ${done}`);
    expect(drawn.length === done.length, `the charts were not drawn before the run ended: ${drawn}`);
    expect(
      drawn.some((p, i) => p < done[i]),
      `the first drawing was already the whole run: ${drawn} then ${done}`,
    );
    await page.waitForSelector(`#runs tr[data-run="${run}"]`);
    const row = await page.textContent(`#runs tr[data-run="${run}"]`);
    expect(row.includes("short noncompetes") && row.includes("complete"), `run ${run} is listed as '${row}'`);
  });

  await check("two runs compared side by side", async () => {
    await page.fill("#tick-delay", "0");
    await page.fill("#label", "default noncompetes");
    await page.fill('input[data-key="hub.test.noncompete.max_months"]', "24");
    const second = await startSingleRun(page);
    await page.waitForSelector(`#progress[data-run="${second}"][data-status=complete]`, { timeout: 60000 });
    await page.waitForSelector(`#compare-b option[value="${second}"]`, { state: "attached" });
    await page.selectOption("#compare-a", first);
    await page.selectOption("#compare-b", second);
    const [compared] = await Promise.all([context.waitForEvent("page"), page.click("#compare-link")]);
    await compared.waitForSelector("body[data-ready=true]", { state: "attached", timeout: 60000 });
    const runRows = await compared.$$eval("table.runs tr", (trs) => trs.length - 1);
    expect(runRows === 2, `the comparison lists ${runRows} runs`);
    const points = await chartPoints(compared);
    expect(points.every((p) => p > 0), `some charts of the comparison drew nothing: ${points}`);
    const legend = await compared.$eval("#chart-tigers", (box) => box.textContent ?? "");
    expect(legend.includes("short noncompetes") && legend.includes("default noncompetes"), `the legend reads ${legend}`);
    // Back to the lab: a page left behind the comparison may get no animation frames, and
    // Playwright waits for two of them before it clicks (a click timed out so under load).
    await compared.close();
    await page.bringToFront();
  });

  await check("a slow run is cancelled from the page and stored as interrupted", async () => {
    await page.fill("#tick-delay", "1000");
    await page.fill("#label", "cancelled");
    const run = await startSingleRun(page);
    await page.waitForSelector(`#progress[data-run="${run}"][data-status=running]`, { timeout: 60000 });
    await page.click("#cancel");
    await page.waitForSelector(`#progress[data-run="${run}"][data-status=interrupted]`, { timeout: 60000 });
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
