// End-to-end test of `liangzhu report` in a real browser: simulate small runs, write reports,
// open them in headless Chromium (offline: any request leaving the file fails the test) and check
// that every chart was drawn with data, the hub selector works and nothing logged an error.
// Usage: node web/scripts/browser-test.mjs --liangzhu build/release/liangzhu
// Exit 0 when all pass, 1 when one fails, 77 (skipped, for ctest) when there is no Chromium.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { check, exitIfNoChromium, expect, finish, launchChromium, openReport } from "./browser.mjs";

const binaryFlag = process.argv.indexOf("--liangzhu");
const liangzhu = resolve(binaryFlag > 0 ? process.argv[binaryFlag + 1] : "build/release/liangzhu");
const sourceDir = resolve(new URL("../..", import.meta.url).pathname);
const chartIds = ["stages", "tigers", "funding", "routes", "talent", "noncompete", "compute", "government", "cost"];

exitIfNoChromium();

/** The rows of a CSV file written by `liangzhu export` as objects keyed by its header. */
function readCsv(file) {
  const records = [];
  let field = "", record = [], quoted = false;
  const text = readFileSync(file, "utf8");
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") record.push(field), (field = "");
    else if (c === "\n") record.push(field), records.push(record), (record = []), (field = "");
    else if (c !== "\r") field += c;
  }
  const [header = [], ...rows] = records;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

function liangzhuRun(...args) {
  return execFileSync(liangzhu, args, { cwd: sourceDir, encoding: "utf8" });
}

/** Per chart: the values it says it drew and the length of its longest SVG path. */
function chartsDrawn(page) {
  return page.$$eval(".chart", (boxes) =>
    boxes.map((box) => ({
      id: box.dataset.chart,
      points: Number(box.dataset.points ?? 0),
      svg: box.querySelector("svg") !== null,
      longestPath: Math.max(0, ...[...box.querySelectorAll("svg path")].map((p) => (p.getAttribute("d") ?? "").length)),
    })),
  );
}

async function expectEveryChartDrawn(page, problems) {
  const charts = await chartsDrawn(page);
  expect(charts.map((c) => c.id).join() === chartIds.join(), `charts ${charts.map((c) => c.id)} are not ${chartIds}`);
  for (const c of charts) {
    expect(c.svg, `chart ${c.id} has no SVG`);
    expect(c.points > 0, `chart ${c.id} drew no values`);
    expect(c.longestPath > 40, `chart ${c.id} drew no line or bar (longest path ${c.longestPath} characters)`);
  }
  const rows = await page.$$eval("#headline tr", (trs) => trs.length);
  expect(rows > 5, `the headline table has ${rows} rows`);
  expect(problems.length === 0, problems.join("\n"));
}

const work = mkdtempSync(join(tmpdir(), "liangzhu-browser-"));
const store = join(work, "runs.db");
const browser = await launchChromium();
try {
  liangzhuRun("run", "scenarios/liangzhu_and_silicon_valley.toml", "--set", "ticks=40", "--out", store, "--quiet");
  liangzhuRun("run", "tests/model/data/small.toml", "--set", "ticks=60", "--out", store, "--quiet");
  liangzhuRun("run", "tests/model/data/small.toml", "--set", "ticks=60", "--seed", "9", "--out", store, "--quiet");
  liangzhuRun("report", store, "-o", join(work, "latest.html"));
  liangzhuRun("report", store, "1", "-o", join(work, "two-hubs.html"));
  liangzhuRun("report", store, "2", "3", "-o", join(work, "side-by-side.html"));
  // A small Bayesian calibration: two factors (one log-uniform) against two targets.
  const experiment = join(work, "abc.toml");
  writeFileSync(
    experiment,
    `scenario = "${join(sourceDir, "tests/model/data/small.toml")}"\nreplicates = 1\nticks = 8\n` +
      `[[vary]]\nkey = "hub.test.talent.engineers"\nlow = 1000\nhigh = 6000\n` +
      `[[vary]]\nkey = "hub.test.founding.ideas_per_year"\nprior = "log-uniform"\nlow = 0.0001\nhigh = 0.001\n` +
      `[[target]]\noutput = "engineers"\ndate = 2025-02-01\nvalue = 4000\nscale = 100\n` +
      `[[target]]\noutput = "startups_founded"\nvalue = 2\nscale = 2\n` +
      `[calibration]\nalgorithm = "abc-smc"\nparticles = 16\ngenerations = 3\n`,
  );
  // A compare of two scenarios with four replicates each, and its CSV export: what the store holds.
  const rich = join(work, "rich.toml");
  writeFileSync(rich, `extends = "${join(sourceDir, "tests/model/data/small.toml")}"\nname = "rich"\n[hub.test]\ngovernment.local.subsidy_per_startup_cny = 5000000\n`);
  const compared = join(work, "compare.db");
  liangzhuRun("compare", "tests/model/data/small.toml", rich, "--replicates", "4", "--ticks", "30", "--out", compared, "--quiet");
  liangzhuRun("report", compared, "--experiment", "1", "-o", join(work, "compare.html"));
  liangzhuRun("export", compared, "--format", "csv", "--dir", join(work, "csv"));
  const calibrations = join(work, "calibration.db");
  liangzhuRun("calibrate", experiment, "--out", calibrations, "--quiet");
  liangzhuRun("report", calibrations, "--calibration", "1", "-o", join(work, "calibration.html"));

  await check("the latest run's report draws every chart with data, offline and without errors", async () => {
    const { page, problems } = await openReport(browser, join(work, "latest.html"));
    await expectEveryChartDrawn(page, problems);
    expect((await page.$("#hub-selector")) === null, "a one-hub run shows a hub selector");
    // The pattern panel: a row per pattern, each cell with its verdict.
    const panel = await page.$$eval("#patterns tr", (trs) => trs.map((tr) => tr.textContent ?? ""));
    expect(panel.length > 15, `the pattern panel has ${panel.length} rows`);
    expect(panel.slice(1).every((text) => /\((inside|near|far|no data)\)/.test(text)), "a pattern without a verdict");
  });

  await check("a two-hub run gets a hub selector that redraws every chart for the hub chosen", async () => {
    const { page, problems } = await openReport(browser, join(work, "two-hubs.html"));
    const hubs = await page.$$eval("#hub-selector option", (options) => options.map((o) => o.value));
    expect(hubs.length === 2, `hub selector offers ${hubs}`);
    await expectEveryChartDrawn(page, problems);
    const before = await page.$eval("#headline", (t) => t.textContent);
    await page.selectOption("#hub-selector", hubs[1]);
    await expectEveryChartDrawn(page, problems);
    const after = await page.$eval("#headline", (t) => t.textContent);
    expect(before !== after, "the headline figures did not change with the hub");
  });

  await check("two runs side by side: both in the runs table, the legends and the headline", async () => {
    const { page, problems } = await openReport(browser, join(work, "side-by-side.html"));
    await expectEveryChartDrawn(page, problems);
    const runRows = await page.$$eval("table.runs tr", (trs) => trs.length - 1);
    expect(runRows === 2, `the runs table lists ${runRows} runs`);
    const headlineColumns = await page.$$eval("#headline tr:first-child th", (ths) => ths.length - 1);
    expect(headlineColumns === 2, `the headline has ${headlineColumns} run columns`);
    const legend = await page.$eval("#chart-tigers", (box) => box.textContent ?? "");
    expect(legend.includes("run 2") && legend.includes("run 3"), `the tigers legend names ${legend}`);
  });

  await check("a compare's report: differences, replicates, a table against the reference, and bands the store confirms", async () => {
    const { page, problems } = await openReport(browser, join(work, "compare.html"));
    const charts = await chartsDrawn(page);
    expect(charts.map((c) => c.id).join() === ["differences", "spread", ...chartIds].join(), `charts ${charts.map((c) => c.id)}`);
    for (const c of charts) expect(c.svg && c.points > 0 && c.longestPath > 40, `chart ${c.id} drew nothing`);
    const against = await page.$$eval("#differences tr", (trs) => trs.map((tr) => tr.textContent ?? ""));
    expect(against.length > 5 && against.some((t) => t.startsWith("Government spending (CNY)+")), `the table of differences reads ${against.slice(0, 4)}`);
    expect(against.some((t) => t.startsWith("Cost per additional tiger")), "no cost per additional tiger");
    // The running total of government funding each replicate's weekly series gives, averaged with
    // its 95% Student-t interval (t(0.975, 3) for four replicates), against what the page shows.
    const runs = readCsv(join(work, "csv", "runs.csv"));
    const series = readCsv(join(work, "csv", "series.csv"));
    const totals = new Map(); // point -> replicate totals
    for (const r of runs) {
      const rows = series.filter((row) => row.run_id === r.run_id && row.group === "test");
      const total = rows.reduce((sum, row) => sum + Number(row.funding_government_cny_weekly), 0);
      totals.set(r.point, [...(totals.get(r.point) ?? []), total]);
    }
    const shown = await page.$$eval("#chart-funding ~ details.values tr", (trs) =>
      trs.slice(1).map((tr) => {
        const [name, value, band] = [...tr.querySelectorAll("td")];
        return { name: name?.textContent, value: Number(value?.dataset.value), lower: Number(band?.dataset.lower), upper: Number(band?.dataset.upper) };
      }),
    );
    for (const [point, label] of [["0", "small"], ["1", "rich"]]) {
      const values = totals.get(point) ?? [];
      expect(values.length === 4, `point ${point} has ${values.length} replicates in the store`);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
      const half = (3.182446305284263 * sd) / Math.sqrt(values.length);
      const row = shown.find((r) => r.name === `Government · ${label}`);
      const near = (a, b) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
      expect(row !== undefined, `no end value for Government · ${label} in ${shown.map((r) => r.name)}`);
      expect(near(row.value, mean), `${label}: the page shows ${row.value}, the store gives ${mean}`);
      expect(near(row.lower, Math.max(0, mean - half)) && near(row.upper, mean + half), `${label}: the band ${row.lower}–${row.upper} is not ${mean - half}–${mean + half}`);
    }
    expect(problems.length === 0, problems.join("\n"));
  });

  await check("a calibration's report draws its marginal, pairwise and predictive plots and its tables", async () => {
    const { page, problems } = await openReport(browser, join(work, "calibration.html"));
    const charts = await chartsDrawn(page);
    expect(charts.map((c) => c.id).join() === "marginal-0,marginal-1,pair-0-1,predictive", `charts ${charts.map((c) => c.id)}`);
    for (const c of charts) {
      expect(c.svg && c.points > 0, `chart ${c.id} drew nothing`);
      expect(c.longestPath > 40, `chart ${c.id} drew no bar or mark (longest path ${c.longestPath} characters)`);
    }
    const rows = async (id) => page.$$eval(`#${id} tr`, (trs) => trs.length - 1);
    expect((await rows("generations")) === 3, "the generations table has not 3 rows");
    expect((await rows("posterior")) === 2, "the posterior table has not one row per factor");
    expect((await rows("predictive")) === 2 && (await rows("sensitivity")) === 2, "a target is missing from the checks");
    const verdicts = await page.$eval("#posterior", (t) => t.textContent ?? "");
    expect(/identified/.test(verdicts), "the posterior table says nothing of identification");
    expect(problems.length === 0, problems.join("\n"));
  });
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
finish();
