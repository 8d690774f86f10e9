// The charts of the report, declared as data: which series each draws, on which axis, how, and
// what its caption says. Issue #6 lists them; the series names are those of docs/outputs.md.
import type { NumberFormat } from "./format";
import type { Transform } from "./transforms";

/** A value axis: its name (with the unit) and how its numbers read. */
export interface AxisSpec {
  name: string;
  format: NumberFormat;
}

/** One line (or area) of a time chart. */
export interface LineSpec {
  series: string;
  label: string;
  axis?: 0 | 1;
  transform?: Transform;
  /** Drawn as a filled area, stacked with the others of the chart when only one run is shown. */
  area?: boolean;
}

/** A chart of series over simulated time. */
export interface TimeChartSpec {
  kind: "time";
  id: string;
  title: string;
  caption: string;
  axes: [AxisSpec] | [AxisSpec, AxisSpec];
  lines: LineSpec[];
  /** Marks each run's chip-independence date (summary figure chip_independence_tick). */
  markChipIndependence?: boolean;
}

/** A bar chart of end-of-run figures, one bar per run, with confidence bounds for ensembles. */
export interface FigureChartSpec {
  kind: "figures";
  id: string;
  title: string;
  caption: string;
  axis: AxisSpec;
  figures: { name: string; label: string }[];
}

/** Small multiples of a compare's scenarios minus its first (reference) scenario, run by run
 * under common random numbers: a panel per series, each scenario's mean difference with its
 * band, and the zero line. Drawn only for a compare's report. */
export interface DifferenceChartSpec {
  kind: "difference";
  id: string;
  title: string;
  caption: string;
  panels: { series: string; label: string; format: NumberFormat }[];
}

/** Strip plots of end-of-run figures: a panel per figure, each replicate a dot in its scenario's
 * colour, the mean a bar. Drawn only for ensembles. */
export interface SpreadChartSpec {
  kind: "spread";
  id: string;
  title: string;
  caption: string;
  figures: { name: string; label: string }[];
}

export type ChartSpec = TimeChartSpec | FigureChartSpec | DifferenceChartSpec | SpreadChartSpec;

const startups: AxisSpec = { name: "startups", format: "count" };
const share: AxisSpec = { name: "share", format: "share" };

export const chartSpecs: ChartSpec[] = [
  {
    kind: "difference",
    id: "differences",
    title: "Difference from the reference",
    caption: "Each scenario minus the first one, replicate by replicate (the pairs share their random numbers): the mean difference and its 95% band. A band that excludes zero is a difference the replicates resolve.",
    panels: [
      { series: "tigers_total", label: "Tigers so far", format: "count" },
      { series: "startups_alive", label: "Startups alive", format: "count" },
      { series: "gov_spending_cny", label: "Government spending so far (CNY)", format: "cny" },
      { series: "domestic_share", label: "Domestic compute / demand", format: "share" },
    ],
  },
  {
    kind: "spread",
    id: "spread",
    title: "Replicates of the headline figures",
    caption: "Each dot is one replicate's figure at the end of the run, in its scenario's colour; the black bar is the mean. The spread is the luck a single run carries.",
    figures: [
      { name: "tigers", label: "Tigers" },
      { name: "startups_founded", label: "Startups founded" },
      { name: "government_spending_cny", label: "Government spending (CNY)" },
      { name: "chip_independence_years", label: "Years to chip independence" },
    ],
  },
  {
    kind: "time",
    id: "stages",
    title: "Startups by stage",
    caption: "Live startups by the last round they closed: how the pipeline fills from ideas to growth.",
    axes: [startups],
    lines: [
      { series: "startups_idea", label: "Idea", area: true },
      { series: "startups_seed", label: "Seed", area: true },
      { series: "startups_a", label: "Series A", area: true },
      { series: "startups_b", label: "Series B", area: true },
      { series: "startups_growth", label: "Growth", area: true },
    ],
  },
  {
    kind: "time",
    id: "tigers",
    title: "Tigers",
    caption: "Startups whose valuation broke above the tiger threshold: alive now, and all so far.",
    axes: [startups],
    lines: [
      { series: "tigers_alive", label: "Tigers alive" },
      { series: "tigers_total", label: "Tigers so far" },
    ],
  },
  {
    kind: "time",
    id: "funding",
    title: "Funding by source",
    caption: "Money put into startups since the start, by source (left), and the foreign VCs' share of equity money (right).",
    axes: [{ name: "CNY so far", format: "cny" }, share],
    lines: [
      { series: "funding_government_cny_weekly", label: "Government", transform: "cumulative" },
      { series: "funding_domestic_vc_cny_weekly", label: "Domestic VC", transform: "cumulative" },
      { series: "funding_foreign_vc_cny_weekly", label: "Foreign VC", transform: "cumulative" },
      { series: "funding_founders_cny_weekly", label: "Founders", transform: "cumulative" },
      { series: "foreign_share", label: "Foreign share", axis: 1 },
    ],
  },
  {
    kind: "time",
    id: "routes",
    title: "Route choice: government or offshore",
    caption: "Founders who chose the government route or the offshore (Singapore) route, added up since the start (left), and the offshore share of all choices so far (right).",
    axes: [{ name: "founders so far", format: "count" }, share],
    lines: [
      { series: "chose_government", label: "Government route", transform: "cumulative" },
      { series: "chose_offshore", label: "Offshore route", transform: "cumulative" },
      { series: "offshore_share", label: "Offshore share", axis: 1 },
    ],
  },
  {
    kind: "time",
    id: "talent",
    title: "Talent flows",
    caption: "Engineers joining, leaving and moving between employers each week, as 13-week averages; poached counts startup engineers hired away by incumbents.",
    axes: [{ name: "engineers per week (13-week average)", format: "count" }],
    lines: [
      { series: "graduates", label: "Graduates", transform: "quarterly_average" },
      { series: "leavers", label: "Leavers", transform: "quarterly_average" },
      { series: "job_moves", label: "Job moves", transform: "quarterly_average" },
      { series: "poached_weekly", label: "Poached", transform: "quarterly_average" },
    ],
  },
  {
    kind: "time",
    id: "noncompete",
    title: "Noncompete waits",
    caption: "Engineers with an idea waiting for their noncompete to end (left), and all engineers bound by one (right).",
    axes: [{ name: "waiting founders", format: "count" }, { name: "bound engineers", format: "count" }],
    lines: [
      { series: "waiting_founders", label: "Waiting founders" },
      { series: "bound_engineers", label: "Bound engineers", axis: 1 },
    ],
  },
  {
    kind: "time",
    id: "compute",
    title: "Compute: demand and supply",
    caption: "Compute wanted by incumbents and startups against the installed accelerators, foreign and domestic; the vertical line marks chip independence when it is reached.",
    axes: [{ name: "H100-equivalents", format: "count" }],
    lines: [
      { series: "compute_supply_foreign_h100e", label: "Foreign supply", area: true },
      { series: "compute_supply_domestic_h100e", label: "Domestic supply", area: true },
      { series: "compute_demand_h100e", label: "Demand" },
    ],
    markChipIndependence: true,
  },
  {
    kind: "time",
    id: "government",
    title: "Government spending and outcomes",
    caption: "All government spending so far — subsidies, vouchers, guidance funds, tax breaks — (left) against live startups and tigers so far (right).",
    axes: [{ name: "CNY so far", format: "cny" }, startups],
    lines: [
      { series: "gov_spending_cny", label: "Government spending" },
      { series: "startups_alive", label: "Startups alive", axis: 1 },
      { series: "tigers_total", label: "Tigers so far", axis: 1 },
    ],
  },
  {
    kind: "figures",
    id: "cost",
    title: "Cost of outcomes",
    caption: "Government spending per startup founded and per tiger over the whole run, one bar per run (with its confidence interval for ensembles).",
    axis: { name: "CNY", format: "cny" },
    figures: [
      { name: "cost_per_startup_cny", label: "per startup founded" },
      { name: "cost_per_tiger_cny", label: "per tiger" },
    ],
  },
];

/** Every series the charts draw, for the C++ side's tests and the docs. */
export function seriesDrawn(specs: ChartSpec[] = chartSpecs): string[] {
  return specs.flatMap((spec) => (spec.kind === "time" ? spec.lines.map((l) => l.series) : []));
}

/** Every series the difference charts draw, for the C++ side (src/report/ensemble_data.cpp). */
export function differencesDrawn(specs: ChartSpec[] = chartSpecs): string[] {
  return specs.flatMap((spec) => (spec.kind === "difference" ? spec.panels.map((p) => p.series) : []));
}
