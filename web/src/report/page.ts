// The report's page: a header, the runs, a hub selector, the headline table and one card per
// chart. Drawing is left to draw.ts; this file only builds elements.
import type { ChartSpec } from "./charts";
import type { ReportData } from "./data";
import type { HeadlineRow } from "./headline";
import type { PatternRow } from "./patterns";

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
  table.append(row(["run", "scenario", "seed", "replicates", "status", "from", "to"], "th"));
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

/** The headline table, one column per run. */
export function headlineTable(rows: HeadlineRow[], runLabels: string[]): HTMLTableElement {
  const table = element("table", "headline");
  table.id = "headline";
  table.append(row(["figure", ...runLabels], "th"));
  for (const r of rows) {
    const tr = element("tr");
    const label = element("td", "", r.label);
    label.title = r.description;
    tr.append(label, ...r.cells.map((c) => element("td", "value", c)));
    table.append(tr);
  }
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
