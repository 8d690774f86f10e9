// The headline figures: a table of end-of-run summary figures, one column per run.
import { figureOf, type RunData, type SummaryFigure } from "./data";
import { formatForUnit, formatNumber } from "./format";

/** The figures the table shows, in this order, with the label a reader sees. */
export const headlineFigures: [name: string, label: string][] = [
  ["startups_founded", "Startups founded"],
  ["startups_alive_end", "Startups alive at the end"],
  ["tigers", "Tigers (startups that broke out)"],
  ["startups_failed", "Startups failed"],
  ["startups_acquired", "Startups acquired"],
  ["government_spending_cny", "Government spending (CNY)"],
  ["cost_per_startup_cny", "Government spending per startup (CNY)"],
  ["cost_per_tiger_cny", "Government spending per tiger (CNY)"],
  ["tax_revenue_cny", "Profit tax paid by startups (CNY)"],
  ["foreign_share", "Foreign VC share of equity money"],
  ["offshore_share", "Founders choosing the offshore route"],
  ["chip_independence_tick", "Chip independence"],
  ["domestic_share_end", "Domestic compute / demand at the end"],
  ["waited_for_noncompete", "Engineers who waited out a noncompete"],
  ["poached", "Startup engineers poached"],
  ["tension_end", "Geopolitical tension at the end (0-1)"],
];

/** One row of the table: a label, its description (a tooltip) and one cell per run. */
export interface HeadlineRow {
  name: string;
  label: string;
  description: string;
  cells: string[];
}

/** The interval of the mean. A count, an amount of money or a share cannot be negative, so a
 * Student-t interval that reaches below zero (few replicates, a rare event) is cut there. */
function bounds(figure: SummaryFigure, text: (v: number) => string): string {
  if (figure.lower == null || figure.upper == null) return "";
  const format = formatForUnit(figure.unit);
  const floor = figure.unit !== "tick" && format !== "index" && (figure.value ?? 0) >= 0 ? 0 : -Infinity;
  return ` (${text(Math.max(floor, figure.lower))} – ${text(figure.upper)})`;
}

/** With posterior draws: where one run falls, the parameters' share of the spread and, after a
 * compare's reference, the chance that a run ends higher than the reference's. */
function uncertainty(figure: SummaryFigure, text: (v: number) => string): string {
  const parts: string[] = [];
  if (figure.spread_lower != null && figure.spread_upper != null)
    parts.push(`95% of runs ${text(figure.spread_lower)} – ${text(figure.spread_upper)}`);
  if (figure.parameter_share != null)
    parts.push(`${Math.round(100 * figure.parameter_share)}% of the variance from parameters`);
  // Beside the spread of a posterior comparison; a plain compare has its table of differences.
  if (figure.p_higher != null && figure.spread_lower != null) parts.push(`P(higher than the reference) ${figure.p_higher.toFixed(2)}`);
  return parts.length > 0 ? `; ${parts.join("; ")}` : "";
}

/** A figure as text: a tick as its date, a number in its unit's format, else its text. */
export function describeFigure(figure: SummaryFigure | undefined, run: RunData): string {
  if (!figure) return "–";
  if (figure.unit === "tick" && figure.value === null) return "not reached";
  if (figure.value === null) return figure.text || "–";
  if (figure.unit === "tick") {
    const date = (tick: number) => run.dates[Math.round(tick)] ?? `week ${Math.round(tick)}`;
    return date(figure.value) + bounds(figure, date) + uncertainty(figure, date);
  }
  const format = formatForUnit(figure.unit);
  const text = (v: number) => formatNumber(v, format);
  return text(figure.value) + bounds(figure, text) + uncertainty(figure, text);
}

/** The rows for `hub`: figures no run has are left out. */
export function headlineRows(runs: RunData[], hub: string): HeadlineRow[] {
  return headlineFigures.flatMap(([name, label]) => {
    const figures = runs.map((run) => figureOf(run, hub, name));
    const known = figures.find((f) => f !== undefined);
    if (!known) return [];
    const cells = figures.map((f, i) => describeFigure(f, runs[i] as RunData));
    return [{ name, label, description: known.description, cells }];
  });
}
