// Options for a chart spec, whichever kind it is.
import type { ChartSpec } from "./charts";
import type { RunData } from "./data";
import { figureChartOption } from "./figure_chart";
import { timeChartOption } from "./time_chart";
import type { DrawnChart } from "./tooltip";

/** The ECharts option of `spec` for `hub` of `runs`, with the number of values it draws. */
export function chartOption(spec: ChartSpec, runs: RunData[], hub: string): DrawnChart {
  return spec.kind === "time" ? timeChartOption(spec, runs, hub) : figureChartOption(spec, runs, hub);
}
