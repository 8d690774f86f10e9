// The document `liangzhu report` embeds in the page (docs/report.md, "The data format"): what the
// charts draw. One form serves single runs and ensembles: an ensemble's series are means, with
// optional lower/upper confidence bounds per tick, and its summary figures carry bounds too.

/** Lower and upper confidence bounds, one pair per tick (null where unknown). */
export interface Band {
  lower: (number | null)[];
  upper: (number | null)[];
}

/** One hub of a run: its weekly series by name, and bands for the series that have them. */
export interface HubData {
  name: string;
  series: Record<string, (number | null)[]>;
  bands?: Record<string, Band>;
  /** Ensembles: bands of the running totals ("cumulative") and 13-week averages
   * ("quarterly_average") of the flows the charts draw so, computed from each replicate's own
   * transformed series (a sum of weekly bounds would be far too wide). */
  transformed_bands?: Partial<Record<"cumulative" | "quarterly_average", Record<string, Band>>>;
  /** A compare's scenarios after the first: a few series minus the first scenario's, replicate
   * by replicate (common random numbers), as a mean with its band. */
  differences?: Record<string, Difference>;
}

/** A paired difference from the reference, tick by tick: mean and 95% band. */
export interface Difference extends Band {
  mean: (number | null)[];
}

/** One end-of-run figure; hub is "" for whole-run figures; lower/upper for ensembles. */
export interface SummaryFigure {
  hub: string;
  name: string;
  value: number | null;
  text?: string;
  unit: string;
  description: string;
  lower?: number | null;
  upper?: number | null;
  /** Ensembles with posterior draws: the middle 95% of the runs (parameters and luck together). */
  spread_lower?: number | null;
  spread_upper?: number | null;
  /** Ensembles with posterior draws: the parameters' share of the runs' variance (0-1). */
  parameter_share?: number | null;
  /** A compare's scenarios after the first: the share of runs that end above (below) the first's
   * run with the same draw and seed. */
  p_higher?: number | null;
  p_lower?: number | null;
  /** A compare's scenarios after the first: the mean paired difference from the first, its 95%
   * interval and the paired t-test's two-sided p-value. */
  difference?: number | null;
  difference_lower?: number | null;
  difference_upper?: number | null;
  p_value?: number | null;
  /** Ensembles: each replicate's own value, in replicate order. */
  replicates?: (number | null)[];
}

/** One pattern of the pattern panel in one run and hub (docs/patterns.md). */
export interface PatternValue {
  hub: string;
  id: string;
  topic: string;
  title: string;
  unit: string;
  /** The reference band. */
  low: number;
  high: number;
  value: number | null;
  verdict: "inside" | "near" | "far" | "no data";
  source: string;
}

/** A run, or an ensemble of runs of one scenario (replicates > 1, series are means). */
export interface RunData {
  id: string;
  label: string;
  scenario: string;
  seed?: number | string;
  status?: string;
  replicates?: number;
  /** Confidence level of the bands, e.g. 0.95; only for ensembles. */
  confidence?: number;
  /** The date each tick begins, YYYY-MM-DD; every series has one value per date. */
  dates: string[];
  hubs: HubData[];
  summary: SummaryFigure[];
  /** Ensembles whose replicates took posterior draws: how many, and seeds per draw. */
  posterior?: { draws: number; seeds_per_draw: number };
  /** The pattern panel of a stored run (absent for ensembles and live runs). */
  patterns?: PatternValue[];
}

/** What a series measures: shown in axis names and tooltips. */
export interface SeriesInfo {
  unit: string;
  description: string;
}

/** The whole document. */
export interface ReportData {
  format: "liangzhu-report";
  version: 1;
  title: string;
  generated_by?: string;
  series_info: Record<string, SeriesInfo>;
  runs: RunData[];
}

/** A document that does not have the shape above: the message says where. */
export class ReportDataError extends Error {}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new ReportDataError(message);
}

function checkHub(hub: HubData, ticks: number, where: string): void {
  check(typeof hub.name === "string", `${where}: hub without a name`);
  check(typeof hub.series === "object" && hub.series !== null, `${where}: no series`);
  for (const [name, values] of Object.entries(hub.series)) {
    check(Array.isArray(values) && values.length === ticks,
      `${where}: series ${name} has ${Array.isArray(values) ? values.length : "no"} values for ${ticks} dates`);
  }
  const bands = [
    ...Object.entries(hub.bands ?? {}),
    ...Object.values(hub.transformed_bands ?? {}).flatMap((b) => Object.entries(b ?? {})),
    ...Object.entries(hub.differences ?? {}),
  ];
  for (const [name, band] of bands) {
    check(band.lower?.length === ticks && band.upper?.length === ticks,
      `${where}: band of ${name} does not have one lower and upper bound per date`);
  }
  for (const [name, difference] of Object.entries(hub.differences ?? {}))
    check(difference.mean?.length === ticks, `${where}: difference of ${name} does not have one mean per date`);
}

function checkRun(run: RunData, index: number): void {
  const where = `run ${index + 1} (${run.label ?? "?"})`;
  check(Array.isArray(run.dates), `${where}: no dates`);
  // A run that failed before declaring its hubs has none: it shows in the runs table only.
  check(Array.isArray(run.hubs), `${where}: no list of hubs`);
  check(Array.isArray(run.summary), `${where}: no summary`);
  check(run.patterns === undefined || Array.isArray(run.patterns), `${where}: patterns is not a list`);
  run.hubs.forEach((hub) => checkHub(hub, run.dates.length, `${where}, hub ${hub.name}`));
}

/** The embedded document as JSON, whichever kind it is; ReportDataError when it is not JSON. */
export function parseDocument(text: string): { format?: unknown } {
  try {
    return JSON.parse(text) as { format?: unknown };
  } catch (e) {
    throw new ReportDataError(`the report's data is not JSON: ${(e as Error).message}`);
  }
}

/** Parses and checks the embedded document; throws ReportDataError saying what is wrong. */
export function parseReportData(text: string): ReportData {
  return checkReportData(parseDocument(text));
}

/** Checks a parsed document of runs or ensembles. */
export function checkReportData(document: { format?: unknown }): ReportData {
  const data = document as ReportData;
  check(data?.format === "liangzhu-report", "the embedded data is not a liangzhu report");
  check(data.version === 1, `report data version ${String(data.version)} is not supported (1 is)`);
  check(Array.isArray(data.runs) && data.runs.length > 0, "the report has no runs");
  data.series_info ??= {};
  data.runs.forEach(checkRun);
  return data;
}

/** The names of the hubs any run has, in order of first appearance. */
export function hubNames(data: ReportData): string[] {
  const names: string[] = [];
  for (const run of data.runs)
    for (const hub of run.hubs) if (!names.includes(hub.name)) names.push(hub.name);
  return names;
}

/** The hub `name` of `run`, or undefined when that run has no such hub. */
export function findHub(run: RunData, name: string): HubData | undefined {
  return run.hubs.find((hub) => hub.name === name);
}

/** A run's summary figure `name` for `hub` ("" for whole-run figures). */
export function findFigure(run: RunData, hub: string, name: string): SummaryFigure | undefined {
  return run.summary.find((f) => f.hub === hub && f.name === name);
}

/** A hub's figure, or the whole run's when the hub has none of that name. */
export function figureOf(run: RunData, hub: string, name: string): SummaryFigure | undefined {
  return findFigure(run, hub, name) ?? findFigure(run, "", name);
}
