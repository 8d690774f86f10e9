// The report's page: a header, the runs, a hub selector, the headline table and one card per
// chart. Drawing is left to draw.ts; this file only builds elements.
import type { ChartSpec } from "./charts";
import type { ReportData } from "./data";
import type { DifferenceRow } from "./differences";
import { formatNumber } from "./format";
import type { HeadlineRow } from "./headline";
import type { PatternRow } from "./patterns";
import type { EndValue } from "./time_chart";

/** A new element with a class and text. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = "", text = ""): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function row(cells: string[], tag: "td" | "th" = "td"): HTMLTableRowElement {
  const tr = element("tr");
  for (const cell of cells) tr.append(element(tag, "", cell));
  return tr;
}

/** The title, what made the report, and a table of its runs. */
export function header(data: ReportData): HTMLElement {
  const section = element("header");
  section.append(element("h1", "", data.title));
  if (data.generated_by) section.append(element("p", "meta", `Made by ${data.generated_by}.`));
  const table = element("table", "runs");
  // The weeks run, by the dates they begin: as `liangzhu run` prints them.
  table.append(row(["run", "scenario", "seed", "replicates", "status", "first week", "last week"], "th"));
  for (const run of data.runs) {
    const seed = run.seed === undefined ? "" : String(run.seed);
    const span = [run.dates[0] ?? "", run.dates[run.dates.length - 1] ?? ""];
    table.append(row([run.label, run.scenario, seed, String(run.replicates ?? 1), run.status ?? "", ...span]));
  }
  section.append(table);
  return section;
}

/** A drop-down of the hubs; calls `choose` with the hub picked. */
export function hubSelector(hubs: string[], choose: (hub: string) => void): HTMLElement {
  const label = element("label", "controls", "Hub: ");
  const select = element("select");
  select.id = "hub-selector";
  for (const hub of hubs) select.append(new Option(hub, hub));
  select.addEventListener("change", () => choose(select.value));
  label.append(select);
  return label;
}

/** A figure's row: its label (the description on pointing at it), then its cells. */
function figureRow(r: { label: string; description: string; cells: string[] }): HTMLTableRowElement {
  const tr = element("tr");
  const label = element("td", "", r.label);
  label.title = r.description;
  tr.append(label, ...r.cells.map((c) => element("td", "value", c)));
  return tr;
}

/** The headline table, one column per run. */
export function headlineTable(rows: HeadlineRow[], runLabels: string[]): HTMLTableElement {
  const table = element("table", "headline");
  table.id = "headline";
  table.append(row(["figure", ...runLabels], "th"));
  for (const r of rows) table.append(figureRow(r));
  return table;
}

/** A compare's differences from its reference: per later scenario, the difference with its
 * interval, the p-value and P(better). */
export function differenceTable(rows: DifferenceRow[], reference: string, compared: string[]): HTMLTableElement {
  const table = element("table", "headline differences");
  table.id = "differences";
  const top = element("tr");
  top.append(element("th", "", `against ${reference}`));
  for (const label of compared) {
    const th = element("th", "", label);
    th.colSpan = 3;
    top.append(th);
  }
  table.append(top, row(["figure", ...compared.flatMap(() => ["difference (95% CI)", "p", "P(better)"])], "th"));
  for (const r of rows) table.append(figureRow(r));
  return table;
}

/** The pattern panel, one column per run: each cell the run's value and its verdict. */
export function patternTable(rows: PatternRow[], runLabels: string[]): HTMLTableElement {
  const table = element("table", "headline patterns");
  table.id = "patterns";
  table.append(row(["pattern", "reference", ...runLabels], "th"));
  for (const r of rows) {
    const tr = element("tr");
    const label = element("td", "", r.title);
    label.title = `${r.id} (${r.topic}); source: ${r.source}`;
    tr.append(label, element("td", "value", r.reference));
    for (const cell of r.cells) {
      const td = element("td", `value verdict-${cell.verdict.replace(" ", "-")}`, `${cell.text} (${cell.verdict})`);
      tr.append(td);
    }
    table.append(tr);
  }
  return table;
}

/** The values a time chart draws on its last date, as a table folded under the chart (for a
 * reader who wants the numbers, a screen reader, and the browser test): each cell also carries
 * the raw number in data-value. */
export function endValuesTable(values: EndValue[]): HTMLElement {
  const details = element("details", "values");
  details.append(element("summary", "", `Values on ${values[0]?.date ?? "the last date"}`));
  const table = element("table", "headline");
  table.append(row(["line", "value", "95% band"], "th"));
  for (const v of values) {
    const tr = element("tr");
    const cell = (x: number | null) => {
      const td = element("td", "value", formatNumber(x, v.format));
      if (x !== null) td.dataset.value = String(x);
      return td;
    };
    const band = v.lower === null || v.upper === null ? element("td", "value", "–") : element("td", "value", `${formatNumber(v.lower, v.format)} – ${formatNumber(v.upper, v.format)}`);
    if (v.lower !== null) band.dataset.lower = String(v.lower);
    if (v.upper !== null) band.dataset.upper = String(v.upper);
    tr.append(element("td", "", v.name), cell(v.value), band);
    table.append(tr);
  }
  details.append(table);
  return details;
}

/** A card with the chart's title and caption and an empty box for the chart. */
export function chartCard(spec: ChartSpec): { card: HTMLElement; box: HTMLElement } {
  const card = element("section", spec.kind === "figures" ? "card wide" : "card");
  card.append(element("h2", "", spec.title), element("p", "caption", spec.caption));
  const box = element("div", "chart");
  box.id = `chart-${spec.id}`;
  box.dataset.chart = spec.id;
  card.append(box);
  return { card, box };
}
