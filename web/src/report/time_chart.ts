// A time chart's ECharts option from its spec and the runs' data for one hub: one line per series
// and run, stacked areas for a single run, shaded confidence bands for ensembles.
import type { EChartsOption, LineSeriesOption } from "echarts";

import type { LineSpec, TimeChartSpec } from "./charts";
import { findFigure, findHub, type Band, type RunData } from "./data";
import { formatNumber, type NumberFormat } from "./format";
import { colourOf, dashOf } from "./palette";
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

function mainSeries(trace: Trace, spec: TimeChartSpec, stacked: boolean, name: string, hub: string): LineSeriesOption {
  const { band, run, values } = trace;
  const colour = colourOf(trace.lineIndex);
  const filled = stacked && trace.line.area === true;
  const date = chipIndependenceDate(run, hub);
  const marked = spec.markChipIndependence && trace.lineIndex === spec.lines.length - 1 && date;
  return {
    type: "line",
    id: traceId(trace),
    name,
    yAxisIndex: trace.line.axis ?? 0,
    showSymbol: false,
    connectNulls: false,
    color: colour,
    lineStyle: { type: dashOf(trace.runIndex), width: 2 },
    ...(filled ? { stack: "total", areaStyle: { opacity: 0.55 } } : {}),
    data: values.map((v, i) => [run.dates[i], v, band?.lower[i] ?? null, band?.upper[i] ?? null]),
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

/** Two stacked, silent series: the lower bound (invisible) and the band above it (shaded). */
function bandSeries(trace: Trace): LineSeriesOption[] {
  const band = trace.band as Band;
  const stack = `band:${traceId(trace)}`;
  const common: LineSeriesOption = {
    type: "line",
    stack,
    yAxisIndex: trace.line.axis ?? 0,
    showSymbol: false,
    silent: true,
    lineStyle: { opacity: 0 },
    tooltip: { show: false },
  };
  const width = band.upper.map((hi, i) => {
    const lo = band.lower[i];
    return hi === null || lo === null || lo === undefined ? null : hi - lo;
  });
  return [
    { ...common, id: `${stack}:lower`, data: band.lower.map((v, i) => [trace.run.dates[i], v]) },
    {
      ...common,
      id: `${stack}:width`,
      areaStyle: { color: colourOf(trace.lineIndex), opacity: 0.18 },
      data: width.map((v, i) => [trace.run.dates[i], v]),
    },
  ];
}

function countPoints(all: Trace[]): number {
  return all.reduce((sum, t) => sum + t.values.filter((v) => v !== null).length, 0);
}

function valueAxes(spec: TimeChartSpec): EChartsOption["yAxis"] {
  return spec.axes.map((axis, i) => ({
    type: "value" as const,
    name: axis.name,
    nameTextStyle: { align: i === 0 ? ("left" as const) : ("right" as const) },
    axisLabel: { formatter: (v: number) => formatNumber(v, axis.format) },
    splitLine: { show: i === 0 },
    ...(axis.format === "share" ? { min: 0, max: 1 } : {}),
  }));
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

/** The option drawing `spec` for `hub` of `runs`, and how many values it draws. */
export function timeChartOption(spec: TimeChartSpec, runs: RunData[], hub: string): DrawnChart {
  const all = traces(spec, runs, hub);
  const severalRuns = runs.length > 1;
  const stacked = !severalRuns && all.every((t) => !t.band);
  const formats: TooltipFormats = {};
  const series: LineSeriesOption[] = [];
  const legend: string[] = [];
  for (const trace of all) {
    const name = traceName(trace, severalRuns);
    formats[traceId(trace)] = (spec.axes[trace.line.axis ?? 0]?.format ?? "count") as NumberFormat;
    legend.push(name);
    series.push(mainSeries(trace, spec, stacked, name, hub));
    if (trace.band) series.push(...bandSeries(trace));
  }
  const top = 40 + 22 * legendRows(legend);
  const option: EChartsOption = {
    animation: false,
    grid: { left: 70, right: spec.axes.length > 1 ? 70 : 30, top, bottom: 40 },
    legend: { data: legend, top: 0, left: 10, right: 36 },
    tooltip: { trigger: "axis", formatter: axisTooltip(formats) },
    xAxis: { type: "time", name: "date" },
    yAxis: valueAxes(spec),
    series,
  };
  return { option, points: countPoints(all), height: 280 + top };
}
