// Entry of the report bundle: reads the JSON the page embeds (#liangzhu-data), builds the page
// and draws every chart for the chosen hub. Nothing is fetched: everything is in the page.
import { checkCalibrationData, type CalibrationData } from "./calibration_data";
import { buildCalibrationPage } from "./calibration_page";
import { chartSpecs, type ChartSpec } from "./charts";
import { checkReportData, hubNames, parseDocument, type ReportData } from "./data";
import { chartApplies, chartOption } from "./draw";
import { echarts } from "./echarts_setup";
import { differenceRows, hasFigureDifferences } from "./differences";
import { headlineRows } from "./headline";
import { chartCard, differenceTable, element, endValuesTable, header, headlineTable, hubSelector, patternTable } from "./page";
import { patternRows } from "./patterns";
import { reportCss } from "./styles";
import { endValues } from "./time_chart";

interface DrawnBox {
  box: HTMLElement;
  chart: ReturnType<typeof echarts.init>;
}

function drawHub(data: ReportData, specs: ChartSpec[], hub: string, boxes: DrawnBox[], headline: HTMLElement, panel: HTMLElement): void {
  const labels = data.runs.map((run) => run.label);
  headline.replaceChildren(headlineTable(headlineRows(data.runs, hub), labels));
  if (hasFigureDifferences(data.runs)) {
    headline.append(
      element("h2", "", `Against ${labels[0] ?? "the reference"}`),
      element(
        "p",
        "caption",
        "Each scenario minus the first, replicate by replicate (pairs share their random numbers): the mean difference with its 95% interval, the paired t-test's p-value, and P(better), the share of pairs in which the scenario does better where better is not a matter of opinion (more tigers, less spending, earlier chip independence...).",
      ),
      differenceTable(differenceRows(data.runs, hub), labels[0] ?? "", labels.slice(1)),
    );
  }
  const rows = patternRows(data.runs, hub);
  panel.replaceChildren();
  if (rows.length > 0) {
    panel.append(
      element("h2", "", "Pattern panel"),
      element(
        "p",
        "caption",
        "Empirical regularities of startups, venture capital and labour markets (docs/patterns.md): each run's value against the published reference band; inside, near or far.",
      ),
      patternTable(rows, labels),
    );
  }
  specs.forEach((spec, i) => {
    const { box, chart } = boxes[i] as DrawnBox;
    const { option, points, height } = chartOption(spec, data.runs, hub);
    box.style.height = `${height}px`;
    chart.resize();
    chart.setOption(option, { notMerge: true });
    // Read by the browser test and shown when a chart has nothing to draw.
    box.dataset.points = String(points);
    box.parentElement?.querySelector(".empty")?.remove();
    box.parentElement?.querySelector(".values")?.remove();
    if (points === 0) box.before(element("p", "empty", "No data for this hub in these runs."));
    else if (spec.kind === "time") box.after(endValuesTable(endValues(spec, data.runs, hub)));
  });
}

function build(root: HTMLElement, data: ReportData): void {
  const hubs = hubNames(data);
  const specs = chartSpecs.filter((spec) => chartApplies(spec, data.runs));
  const headline = element("div");
  const panel = element("div");
  const grid = element("div", "charts");
  root.append(header(data));
  if (hubs.length > 1) root.append(hubSelector(hubs, (hub) => drawHub(data, specs, hub, boxes, headline, panel)));
  root.append(element("h2", "", "Headline figures"), headline, grid, panel);
  const boxes = specs.map((spec) => {
    const { card, box } = chartCard(spec);
    grid.append(card);
    return { box, chart: echarts.init(box, undefined, { renderer: "svg" }) };
  });
  drawHub(data, specs, hubs[0] ?? "", boxes, headline, panel);
  window.addEventListener("resize", () => boxes.forEach((b) => b.chart.resize()));
}

function start(): void {
  const style = element("style");
  style.textContent = reportCss;
  document.head.append(style);
  const root = element("main");
  document.body.append(root);
  try {
    const text = document.getElementById("liangzhu-data")?.textContent ?? "";
    // A calibration (liangzhu report --calibration) has a page of its own; runs and ensembles
    // share the other.
    const document_ = parseDocument(text);
    if (document_.format === "liangzhu-calibration") buildCalibrationPage(root, checkCalibrationData(document_ as CalibrationData));
    else build(root, checkReportData(document_));
    document.body.dataset.ready = "true";
  } catch (e) {
    root.append(element("p", "error", `This report cannot be shown: ${(e as Error).message}`));
    throw e;
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
