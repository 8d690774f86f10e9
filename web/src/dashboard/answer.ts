// The answer in one sentence: what the set-up changes against its scenario, replicate by replicate
// under common random numbers, with 95% intervals ("+4.2 tigers (−0.6 to +9.1), chip independence
// 0.3 years earlier (...), 3.9 bn CNY more government spending (...)"), and how often it does better.
import { figureOf, type RunData, type SummaryFigure } from "../report/data";
import { formatNumber } from "../report/format";

function signed(v: number, text: (v: number) => string): string {
  return v > 0 ? `+${text(v)}` : v < 0 ? `−${text(-v)}` : text(0);
}

function interval(f: SummaryFigure, text: (v: number) => string): string {
  const { difference_lower: lo, difference_upper: hi } = f;
  if (lo == null || hi == null) return "";
  return ` (${signed(lo, text)} to ${signed(hi, text)})`;
}

const count = (v: number): string => formatNumber(v, "count");
const money = (v: number): string => formatNumber(v, "cny");
const years = (v: number): string => v.toFixed(1);

function tigersPart(f: SummaryFigure | undefined, end: string | undefined): string | undefined {
  if (f?.difference == null) return undefined;
  const better = f.p_higher == null ? "" : `, more tigers with probability ${f.p_higher.toFixed(2)}`;
  const by = end ? ` by ${end}` : "";
  return `${signed(f.difference, count)} tigers${by}${interval(f, count)}${better}`;
}

function chipPart(f: SummaryFigure | undefined): string | undefined {
  if (f?.difference == null) return undefined;
  const d = f.difference;
  if (Math.abs(d) < 0.05) return `chip independence at the same time (${interval(f, years).slice(2, -1)} years)`;
  return `chip independence ${years(Math.abs(d))} years ${d < 0 ? "earlier" : "later"}${interval(f, years)}`;
}

function spendingPart(f: SummaryFigure | undefined): string | undefined {
  if (f?.difference == null) return undefined;
  const d = f.difference;
  const lo = f.difference_lower, hi = f.difference_upper;
  // Read as an amount more or saved: "costs 3.9 bn CNY more (3.1 bn to 4.6 bn)", "saves 6.4 m CNY
  // (4.5 m to 8.3 m)"; an interval that straddles zero keeps its signs.
  const straddles = lo != null && hi != null && lo < 0 && hi > 0;
  const bound = (v: number): string => (straddles ? signed(d >= 0 ? v : -v, money) : money(Math.abs(v)));
  const [from, to] = d >= 0 ? [lo, hi] : [hi, lo];
  const range = from == null || to == null ? "" : ` (${bound(from)} to ${bound(to)})`;
  return d >= 0 ? `costs ${money(d)} CNY more${range}` : `saves ${money(-d)} CNY${range}`;
}

/**
 * The sentence for the set-up (the second ensemble) against the reference (the first) in `hub`,
 * or undefined while no pair of runs has finished. Figures without a hub (the whole run's) are
 * found too.
 */
export function answerSentence(runs: RunData[], hub: string): string | undefined {
  const [reference, setup] = runs;
  if (!reference || !setup) return undefined;
  const parts = [
    tigersPart(figureOf(setup, hub, "tigers"), setup.dates[setup.dates.length - 1]),
    chipPart(figureOf(setup, hub, "chip_independence_years")),
    spendingPart(figureOf(setup, hub, "government_spending_cny")),
  ].filter((p): p is string => p !== undefined);
  if (parts.length === 0) return undefined;
  const pairs = setup.replicates;
  const n = pairs ? `; ${pairs} pairs of runs, 95% intervals` : "";
  return `Against ${reference.label}: ${parts.join(", ")}${n}.`;
}
