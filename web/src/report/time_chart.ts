// A time chart's ECharts option from its spec and the runs' data for one hub: one line per series
// and run, stacked areas for a single run, shaded confidence bands for ensembles. One run: a colour
// per series. Several runs: a colour per run (scenario) and a dash pattern per series, or, when a
// chart has more series than dash patterns, small multiples (a panel per series).
import type { EChartsOption, LineSeriesOption } from "echarts";

import type { AxisSpec, LineSpec, TimeChartSpec } from "./charts";
import { findFigure, findHub, type Band, type RunData } from "./data";
import { formatNumber, type NumberFormat } from "./format";
import { colourOf, dashOf, dashPatterns } from "./palette";
import { panels, timePanelsOption } from "./small_multiples";
import { applyTransform } from "./transforms";
import { axisTooltip, type DrawnChart, type TooltipFormats } from "./tooltip";

/** One series of one run, ready to draw. */
export interface Trace {
  line: LineSpec;
  lineIndex: number;
  run: RunData;
  runIndex: number;
  values: (number | null)[];
  band?: Band;
}

/** The traces of a chart for `hub`: runs without the hub or the series are left out. */
export function traces(spec: TimeChartSpec, runs: RunData[], hub: string): Trace[] {
  const out: Trace[] = [];
  runs.forEach((run, runIndex) => {
    const data = findHub(run, hub);
    spec.lines.forEach((line, lineIndex) => {
      const values = data?.series[line.series];
      if (!data || !values) return;
      const transform = line.transform ?? "none";
      // A transformed series' band must come from the replicates' transformed series: the
      // transform of the weekly bounds is not an interval of the transformed mean.
      const band = transform === "none" ? data.bands?.[line.series] : data.transformed_bands?.[transform]?.[line.series];
      out.push({ line, lineIndex, run, runIndex, values: applyTransform(values, transform), ...(band ? { band } : {}) });
    });
  });
  return out;
}

function traceName(trace: Trace, severalRuns: boolean): string {
  return severalRuns ? `${trace.line.label} · ${trace.run.label}` : trace.line.label;
}

function traceId(trace: Trace): string {
  return `${trace.runIndex}:${trace.line.series}`;
}

/** The chip-independence date of a run's hub, from its summary figure (a tick), if reached. */
export function chipIndependenceDate(run: RunData, hub: string): string | undefined {
  const tick = findFigure(run, hub, "chip_independence_tick")?.value;
  if (tick === null || tick === undefined) return undefined;
  return run.dates[Math.min(run.dates.length - 1, Math.max(0, Math.round(tick)))];
}

/** How a trace is drawn: its colour, dash pattern, name and the axes (panel) it is drawn on. */
interface TraceStyle {
  colour: string;
  dash: ReturnType<typeof dashOf>;
  name: string;
  xAxisIndex: number;
  yAxisIndex: number;
  /** Counts and money cannot go below zero: a band's lower bound is cut there. */
  nonNegative: boolean;
}

function mainSeries(trace: Trace, spec: TimeChartSpec, stacked: boolean, style: TraceStyle, hub: string): LineSeriesOption {
  const { band, run, values } = trace;
  const filled = stacked && trace.line.area === true;
  const date = chipIndependenceDate(run, hub);
  const marked = spec.markChipIndependence && trace.lineIndex === spec.lines.length - 1 && date;
  const lower = (i: number) => clip(band?.lower[i] ?? null, style.nonNegative);
  return {
    type: "line",
    id: traceId(trace),
    name: style.name,
    xAxisIndex: style.xAxisIndex,
    yAxisIndex: style.yAxisIndex,
    showSymbol: false,
    connectNulls: false,
    color: style.colour,
    lineStyle: { type: style.dash, width: 2 },
    ...(filled ? { stack: "total", areaStyle: { opacity: 0.55 } } : {}),
    data: values.map((v, i) => [run.dates[i], v, lower(i), band?.upper[i] ?? null]),
    ...(marked
      ? {
          markLine: {
            symbol: "none",
            silent: true,
            lineStyle: { color: "#222", type: "dashed" },
            label: { formatter: `chip independence ${date}`, position: "insideEndTop" },
            data: [{ xAxis: date }],
          },
        }
      : {}),
  };
}

function clip(value: number | null, nonNegative: boolean): number | null {
  return value !== null && nonNegative ? Math.max(0, value) : value;
}

/** Two stacked, silent series: the lower bound (invisible) and the band above it (shaded). */
function bandSeries(trace: Trace, style: TraceStyle): LineSeriesOption[] {
  const band = trace.band as Band;
  const stack = `band:${traceId(trace)}`;
  const common: LineSeriesOption = {
    type: "line",
    stack,
    xAxisIndex: style.xAxisIndex,
    yAxisIndex: style.yAxisIndex,
    showSymbol: false,
    silent: true,
    lineStyle: { opacity: 0 },
    tooltip: { show: false },
  };
  const lower = band.lower.map((v) => clip(v, style.nonNegative));
  const width = band.upper.map((hi, i) => {
    const lo = lower[i];
    return hi === null || lo === null || lo === undefined ? null : hi - lo;
  });
  return [
    { ...common, id: `${stack}:lower`, data: lower.map((v, i) => [trace.run.dates[i], v]) },
    {
      ...common,
      id: `${stack}:width`,
      areaStyle: { color: style.colour, opacity: 0.18 },
      data: width.map((v, i) => [trace.run.dates[i], v]),
    },
  ];
}

function countPoints(all: Trace[]): number {
  return all.reduce((sum, t) => sum + t.values.filter((v) => v !== null).length, 0);
}

/** Counts and money start at zero (no negative axis for a count), shares run from 0 to 1, and a
 * second axis aligns its ticks with the first's so both zeros sit on the same line. */
function valueAxis(axis: AxisSpec, index: number, extra: object = {}) {
  return {
    type: "value" as const,
    name: axis.name,
    nameTextStyle: { align: index === 0 ? ("left" as const) : ("right" as const) },
    axisLabel: { formatter: (v: number) => formatNumber(v, axis.format) },
    splitLine: { show: index === 0 },
    ...(axis.format === "share" ? { min: 0, max: 1 } : {}),
    ...(axis.format === "count" || axis.format === "cny" ? { min: 0 } : {}),
    ...(index > 0 && axis.format !== "share" ? { alignTicks: true } : {}),
    ...extra,
  };
}

function valueAxes(spec: TimeChartSpec): EChartsOption["yAxis"] {
  return spec.axes.map((axis, i) => valueAxis(axis, i));
}

function nonNegative(axis: AxisSpec | undefined): boolean {
  return axis?.format === "count" || axis?.format === "cny";
}

/** Rows a legend of `names` takes in a chart about 500 pixels wide (entries wrap, so a long
 * legend of runs side by side would otherwise cover the plot). */
export function legendRows(names: string[]): number {
  const rowWidth = 480;
  let rows = 1;
  let used = 0;
  for (const name of names) {
    const width = 35 + 6.5 * name.length;
    if (used > 0 && used + width > rowWidth) {
      rows += 1;
      used = 0;
    }
    used += width;
  }
  return rows;
}

/** One drawn line's value on the last date it has, with its band as drawn (cut at zero for
 * counts and money): the numbers behind the picture, in a table under each chart. */
export interface EndValue {
  name: string;
  date: string;
  format: NumberFormat;
  value: number;
  lower: number | null;
  upper: number | null;
}

export function endValues(spec: TimeChartSpec, runs: RunData[], hub: string): EndValue[] {
  const severalRuns = runs.length > 1;
  return traces(spec, runs, hub).flatMap((trace) => {
    let t = trace.values.length - 1;
    while (t >= 0 && trace.values[t] === null) t -= 1;
    if (t < 0) return [];
    const axis = spec.axes[trace.line.axis ?? 0];
    const lower = trace.band?.lower[t] ?? null;
    return [
      {
        name: traceName(trace, severalRuns),
        date: trace.run.dates[t] ?? "",
        format: (axis?.format ?? "count") as NumberFormat,
        value: trace.values[t] as number,
        lower: clip(lower, nonNegative(axis)),
        upper: trace.band?.upper[t] ?? null,
      },
    ];
  });
}

/** Lines a chart of several runs tells apart by dash pattern; with more it is drawn as small
 * multiples. */
const maxDashedLines = dashPatterns;

/** The option drawing `spec` for `hub` of `runs`, and how many values it draws. */
export function timeChartOption(spec: TimeChartSpec, runs: RunData[], hub: string): DrawnChart {
  const severalRuns = runs.length > 1;
  if (severalRuns && spec.lines.length > maxDashedLines) return smallMultiples(spec, runs, hub);
  const all = traces(spec, runs, hub);
  const stacked = !severalRuns && all.every((t) => !t.band);
  const formats: TooltipFormats = {};
  const names: Record<string, string> = {};
  const series: LineSeriesOption[] = [];
  const legend: string[] = [];
  for (const trace of all) {
    const axis = spec.axes[trace.line.axis ?? 0];
    // Several runs: the legend names the runs (colours); the series' dash patterns are keyed below.
    const style: TraceStyle = {
      colour: colourOf(severalRuns ? trace.runIndex : trace.lineIndex),
      dash: severalRuns ? dashOf(trace.lineIndex) : "solid",
      name: severalRuns ? trace.run.label : trace.line.label,
      xAxisIndex: 0,
      yAxisIndex: trace.line.axis ?? 0,
      nonNegative: nonNegative(axis),
    };
    formats[traceId(trace)] = (axis?.format ?? "count") as NumberFormat;
    names[traceId(trace)] = traceName(trace, severalRuns);
    if (!legend.includes(style.name)) legend.push(style.name);
    series.push(mainSeries(trace, spec, stacked, style, hub));
    if (trace.band) series.push(...bandSeries(trace, style));
  }
  if (severalRuns) series.push(...dashKey(spec, legend));
  const top = 40 + 22 * legendRows(legend);
  const option: EChartsOption = {
    animation: false,
    grid: { left: 70, right: spec.axes.length > 1 ? 70 : 30, top, bottom: 40 },
    legend: { data: legend, top: 0, left: 10, right: 36 },
    tooltip: { trigger: "axis", formatter: axisTooltip(formats, names) },
    xAxis: { type: "time", name: "date" },
    yAxis: valueAxes(spec),
    series,
  };
  return { option, points: countPoints(all), height: 280 + top };
}

/** Empty grey series whose legend entries say which dash pattern is which series. */
function dashKey(spec: TimeChartSpec, legend: string[]): LineSeriesOption[] {
  return spec.lines.map((line, i) => {
    legend.push(line.label);
    return {
      type: "line",
      id: `key:${line.series}`,
      name: line.label,
      color: "#666",
      lineStyle: { type: dashOf(i), width: 2 },
      showSymbol: false,
      data: [],
    };
  });
}

/** A panel per series, every run in its colour in each: for charts of several runs with more
 * series than dash patterns (stages, talent flows). */
function smallMultiples(spec: TimeChartSpec, runs: RunData[], hub: string): DrawnChart {
  const all = traces(spec, runs, hub);
  const legend = runs.map((run) => run.label);
  const top = 40 + 22 * legendRows(legend);
  const layout = panels(spec.lines.map((line) => line.label), top);
  const formats: TooltipFormats = {};
  const names: Record<string, string> = {};
  const series: LineSeriesOption[] = [];
  for (const trace of all) {
    const axis = spec.axes[trace.line.axis ?? 0];
    const style: TraceStyle = {
      colour: colourOf(trace.runIndex),
      dash: "solid",
      name: trace.run.label,
      xAxisIndex: trace.lineIndex,
      yAxisIndex: trace.lineIndex,
      nonNegative: nonNegative(axis),
    };
    formats[traceId(trace)] = (axis?.format ?? "count") as NumberFormat;
    names[traceId(trace)] = traceName(trace, true);
    series.push(mainSeries(trace, spec, false, style, hub));
    if (trace.band) series.push(...bandSeries(trace, style));
  }
  const yAxis = spec.lines.map((line, i) => valueAxis({ ...(spec.axes[line.axis ?? 0] as AxisSpec), name: "" }, 0, { gridIndex: i }));
  const option = timePanelsOption(layout, legend, { formats, names }, yAxis, series);
  return { option, points: countPoints(all), height: layout.height };
}
