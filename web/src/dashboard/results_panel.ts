// The lab's results: the answer sentence, the table against the reference, and the report's
// charts (same specs, same options) for the hub chosen — a single run's lines as it runs, or an
// ensemble's means with 95% bands filling in as replicates finish, its differences from the
// reference and its strip plots. The policy timeline's dates are marked on every time chart.
import { chartSpecs, type ChartSpec } from "../report/charts";
import { hubNames, type ReportData } from "../report/data";
import { differenceRows, hasFigureDifferences } from "../report/differences";
import { chartApplies, chartOption } from "../report/draw";
import { echarts } from "../report/echarts_setup";
import { headlineRows } from "../report/headline";
import { chartCard, differenceTable, element, headlineTable } from "../report/page";
import { answerSentence } from "./answer";

interface Box {
  spec: ChartSpec;
  box: HTMLElement;
  chart: ReturnType<typeof echarts.init>;
}

export interface PolicyMark {
  date: string;
  text: string;
}

/** `option` with a dashed vertical line at each policy change (on its first axes). */
function withMarks(option: Record<string, unknown>, marks: PolicyMark[]): Record<string, unknown> {
  if (marks.length === 0) return option;
  const series = Array.isArray(option.series) ? option.series : [];
  const line = {
    type: "line",
    id: "policy-changes",
    name: "policy changes",
    data: [],
    xAxisIndex: 0,
    yAxisIndex: 0,
    markLine: {
      symbol: "none",
      silent: true,
      lineStyle: { color: "#8a4b00", type: "dashed" },
      label: { position: "insideEndTop", color: "#8a4b00", fontSize: 10 },
      data: marks.map((m) => ({ xAxis: m.date, label: { formatter: m.text } })),
    },
  };
  return { ...option, series: [...(series as object[]), line] };
}

export class ResultsPanel {
  readonly root = element("div", "results");
  readonly answer = element("p", "answer", "Change levers or add a dated policy, then run an ensemble against the scenario: the answer appears here.");
  private readonly hubBox = element("label", "controls", "Hub: ");
  private readonly hubSelect = element("select");
  private readonly tables = element("div", "tables");
  private readonly grid = element("div", "charts");
  private boxes: Box[] = [];
  private data: ReportData | undefined;
  private marks: PolicyMark[] = [];

  constructor() {
    this.answer.id = "answer";
    this.hubSelect.id = "hub-selector";
    this.hubSelect.addEventListener("change", () => this.redraw());
    this.hubBox.append(this.hubSelect);
    this.hubBox.hidden = true;
    // The table against the reference is the grid's first cell, beside the difference chart,
    // so that the answer, its figures and the first charts fit above the fold at 1400x900.
    this.root.append(this.answer, this.hubBox, this.grid);
    window.addEventListener("resize", () => this.boxes.forEach((b) => b.chart.resize()));
  }

  /** Draws `data` (one run, or a comparison's ensembles with the reference first). */
  draw(data: ReportData, marks: PolicyMark[]): void {
    this.data = data;
    this.marks = marks;
    const hubs = hubNames(data);
    if ([...this.hubSelect.options].map((o) => o.value).join() !== hubs.join()) {
      const chosen = this.hubSelect.value;
      this.hubSelect.replaceChildren(...hubs.map((h) => new Option(h, h)));
      if (hubs.includes(chosen)) this.hubSelect.value = chosen;
    }
    this.hubBox.hidden = hubs.length < 2;
    this.redraw();
  }

  /** Clears the answer and tables for a new run or ensemble. */
  reset(message: string): void {
    this.answer.textContent = message;
    delete this.answer.dataset.pairs;
    this.tables.replaceChildren();
  }

  private layout(specs: ChartSpec[]): void {
    if (this.boxes.length === specs.length && this.boxes.every((b, i) => b.spec === specs[i])) return;
    for (const b of this.boxes) b.chart.dispose();
    this.grid.replaceChildren(this.tables);
    this.boxes = specs.map((spec) => {
      const { card, box } = chartCard(spec);
      this.grid.append(card);
      return { spec, box, chart: echarts.init(box, undefined, { renderer: "svg" }) };
    });
  }

  private redraw(): void {
    const data = this.data;
    if (!data) return;
    const hub = this.hubSelect.value || hubNames(data)[0] || "";
    const runs = data.runs;
    const ensemble = runs.some((r) => (r.replicates ?? 1) > 1 || r.confidence !== undefined);
    const specs = chartSpecs.filter((spec) => (ensemble ? chartApplies(spec, runs) : spec.kind === "time" || spec.kind === "figures"));
    this.layout(specs);
    const sentence = answerSentence(runs, hub);
    if (sentence) {
      this.answer.textContent = sentence;
      this.answer.dataset.pairs = String(runs[1]?.replicates ?? "");
    }
    const labels = runs.map((r) => r.label);
    const tables: HTMLElement[] = [];
    if (hasFigureDifferences(runs)) {
      tables.push(element("h3", "", `Against ${labels[0] ?? "the reference"}`), differenceTable(differenceRows(runs, hub), labels[0] ?? "", labels.slice(1)));
    } else if (ensemble || runs[0]?.status === "complete") {
      tables.push(headlineTable(headlineRows(runs, hub), labels));
    }
    this.tables.replaceChildren(...tables);
    for (const { spec, box, chart } of this.boxes) {
      const { option, points, height } = chartOption(spec, runs, hub);
      if (box.style.height !== `${height}px`) {
        box.style.height = `${height}px`;
        chart.resize();
      }
      const marked = spec.kind === "time" ? withMarks(option as Record<string, unknown>, this.marks) : option;
      chart.setOption(marked, { notMerge: true, lazyUpdate: true });
      box.dataset.points = String(points);
    }
  }
}
