// The dashboard's controls as elements: the scenario picker and the runs table. Behaviour is left
// to main.ts.
import { element } from "../report/page";
import type { RunRow, ScenarioSummary } from "./api";
import { reportUrl } from "./live";

/** A labelled drop-down with the given id. */
export function labelledSelect(id: string, label: string, options: [string, string][]): { label: HTMLElement; select: HTMLSelectElement } {
  const wrapper = element("label", "field", `${label} `);
  const select = element("select");
  select.id = id;
  for (const [value, text] of options) select.append(new Option(text, value));
  wrapper.append(select);
  return { label: wrapper, select };
}

export function scenarioOptions(scenarios: ScenarioSummary[]): [string, string][] {
  return scenarios.map((s) => [s.name, s.description ? `${s.name} — ${s.description}` : s.name]);
}

/** The runs of the store, newest first, each with a link to its report. */
export function runsTable(runs: RunRow[]): HTMLTableElement {
  const table = element("table", "runs");
  table.id = "runs";
  const head = element("tr");
  for (const h of ["run", "scenario", "label", "changes", "seed", "status", "weeks", "started", "", ""]) head.append(element("th", "", h));
  table.append(head);
  for (const run of [...runs].reverse()) {
    const tr = element("tr");
    tr.dataset.run = String(run.run_id);
    const changes = (run.overrides ?? []).join(", ") || "-";
    const cells = [String(run.run_id), run.scenario, run.label, changes, String(run.seed), run.status, `${run.ticks_done}/${run.ticks_total}`, run.started_at];
    for (const c of cells) tr.append(element("td", "", c));
    const link = element("a", "", "report");
    link.href = reportUrl(run.run_id);
    link.target = "_blank";
    const cell = element("td");
    cell.append(link);
    const open = element("button", "open-run", "open in lab");
    open.type = "button";
    open.dataset.run = String(run.run_id);
    open.title = "Set the lab's levers and policy timeline to this run's scenario";
    const openCell = element("td");
    openCell.append(open);
    tr.append(cell, openCell);
    table.append(tr);
  }
  return table;
}
