// The pattern panel (docs/patterns.md): for the chosen hub, each pattern's reference band and its
// value in every run, with the verdict.
import type { PatternValue, RunData } from "./data";
import { formatForUnit, formatNumber } from "./format";

/** One row of the panel's table: a pattern, its band, and one cell per run. */
export interface PatternRow {
  id: string;
  title: string;
  topic: string;
  source: string;
  reference: string;
  cells: { text: string; verdict: PatternValue["verdict"] }[];
}

function format(unit: string, value: number): string {
  if (unit === "share") return `${(value * 100).toFixed(1)}%`;
  return formatNumber(value, unit === "CNY" ? "cny" : formatForUnit(unit));
}

/** The rows for `hub`, in the panel's order; empty when no run has a panel. */
export function patternRows(runs: RunData[], hub: string): PatternRow[] {
  const rows = new Map<string, PatternRow>();
  runs.forEach((run, i) => {
    for (const p of run.patterns ?? []) {
      if (p.hub !== hub) continue;
      let row = rows.get(p.id);
      if (!row) {
        row = {
          id: p.id,
          title: p.title,
          topic: p.topic,
          source: p.source,
          reference: `${format(p.unit, p.low)} – ${format(p.unit, p.high)}`,
          cells: runs.map(() => ({ text: "–", verdict: "no data" as const })),
        };
        rows.set(p.id, row);
      }
      row.cells[i] = { text: p.value === null ? "–" : format(p.unit, p.value), verdict: p.verdict };
    }
  });
  return [...rows.values()];
}
