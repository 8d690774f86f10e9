// A compare's answer in one table: for each headline figure and each scenario after the first,
// the mean difference from the first (paired over replicates that share their random numbers)
// with its 95% interval, the paired t-test's p-value and the share of replicates in which the
// scenario does better; then what each additional tiger costs the government.
import { figureOf, type RunData, type SummaryFigure } from "./data";
import { formatForUnit, formatNumber } from "./format";
import { headlineFigures } from "./headline";

/** Which way is better for the figures where that is not a matter of opinion. */
export const betterWhen: Record<string, "higher" | "lower"> = {
  startups_founded: "higher",
  startups_alive_end: "higher",
  tigers: "higher",
  startups_failed: "lower",
  government_spending_cny: "lower",
  cost_per_startup_cny: "lower",
  cost_per_tiger_cny: "lower",
  tax_revenue_cny: "higher",
  chip_independence_tick: "lower",
  domestic_share_end: "higher",
  tension_end: "lower",
};

/** One row: a figure, and per compared scenario its difference, p-value and P(better). */
export interface DifferenceRow {
  name: string;
  label: string;
  description: string;
  cells: string[];
}

/** Ticks per year: differences of dates read in years. */
const weeksPerYear = 365.2425 / 7;

function differenceText(figure: SummaryFigure): string {
  const { difference: d, difference_lower: lo, difference_upper: hi } = figure;
  if (d == null) return "–";
  const text =
    figure.unit === "tick"
      ? (v: number) => `${(v / weeksPerYear).toFixed(2)} y`
      : (v: number) => formatNumber(v, formatForUnit(figure.unit));
  const signed = (v: number) => (v > 0 ? `+${text(v)}` : text(v));
  return lo == null || hi == null ? signed(d) : `${signed(d)} (${signed(lo)} to ${signed(hi)})`;
}

function betterText(figure: SummaryFigure): string {
  const way = betterWhen[figure.name];
  const share = way === "higher" ? figure.p_higher : way === "lower" ? figure.p_lower : undefined;
  return share == null ? "–" : share.toFixed(2);
}

function pText(figure: SummaryFigure): string {
  if (figure.p_value == null) return "–";
  return figure.p_value < 0.001 ? "<0.001" : figure.p_value.toFixed(3);
}

/** Whether the report compares scenarios against a reference (a compare's report). */
export function hasFigureDifferences(runs: RunData[]): boolean {
  return runs.slice(1).some((run) => run.summary.some((f) => f.difference != null));
}

/** The rows for `hub`: each headline figure some compared scenario has a difference for. */
export function differenceRows(runs: RunData[], hub: string): DifferenceRow[] {
  const compared = runs.slice(1);
  const rows = headlineFigures.flatMap(([name, label]) => {
    const figures = compared.map((run) => figureOf(run, hub, name));
    const known = figures.find((f) => f?.difference != null);
    if (!known) return [];
    const cells = figures.flatMap((f) => (f ? [differenceText(f), pText(f), betterText(f)] : ["–", "–", "–"]));
    return [{ name, label, description: known.description, cells }];
  });
  const costs = compared.map((run) => costPerAdditionalTiger(run, hub));
  if (costs.some((c) => c !== undefined))
    rows.push({
      name: "cost_per_additional_tiger_cny",
      label: "Cost per additional tiger (CNY)",
      description:
        "The difference in government spending divided by the difference in tigers, against the reference: what each tiger the policy adds costs (not spending divided by all tigers). Shown only where the replicates resolve the difference in tigers (its 95% interval excludes zero).",
      cells: costs.flatMap((c) => [c ?? "–", "", ""]),
    });
  return rows;
}

/** Extra government spending per extra tiger against the reference; a sentence instead of a
 * figure when the tigers' difference is not resolved (its interval holds zero) or is a loss. */
export function costPerAdditionalTiger(run: RunData, hub: string): string | undefined {
  const tigers = figureOf(run, hub, "tigers");
  const spending = figureOf(run, hub, "government_spending_cny");
  if (tigers?.difference == null || spending?.difference == null) return undefined;
  const { difference: d, difference_lower: lo, difference_upper: hi } = tigers;
  if (lo == null || hi == null || (lo <= 0 && hi >= 0)) return "no resolved change in tigers";
  if (d <= 0) return "fewer tigers";
  return formatNumber(spending.difference / d, "cny");
}
