// Options for a chart spec, whichever kind it is, with what every chart shares: a button saving
// the chart as an image (SVG, drawn in the page: nothing is fetched).
import type { ChartSpec } from "./charts";
import type { RunData } from "./data";
import { figureChartOption } from "./figure_chart";
import { timeChartOption } from "./time_chart";
import type { DrawnChart } from "./tooltip";

/** The ECharts option of `spec` for `hub` of `runs`, with the number of values it draws. */
export function chartOption(spec: ChartSpec, runs: RunData[], hub: string): DrawnChart {
  const drawn = spec.kind === "time" ? timeChartOption(spec, runs, hub) : figureChartOption(spec, runs, hub);
  const name = `liangzhu-${spec.id}${hub ? `-${hub.replace(/\W+/g, "_")}` : ""}`;
  drawn.option.toolbox = { right: 0, top: 0, feature: { saveAsImage: { title: "Save as image", name } } };
  return drawn;
}
