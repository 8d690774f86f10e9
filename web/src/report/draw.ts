// Options for a chart spec, whichever kind it is, with what every chart shares: a button saving
// the chart as an image (SVG, drawn in the page: nothing is fetched).
import type { ChartSpec } from "./charts";
import type { RunData } from "./data";
import { differenceChartOption, hasDifferences } from "./difference_chart";
import { figureChartOption } from "./figure_chart";
import { hasReplicates, spreadChartOption } from "./spread_chart";
import { timeChartOption } from "./time_chart";
import type { DrawnChart } from "./tooltip";

function optionOf(spec: ChartSpec, runs: RunData[], hub: string): DrawnChart {
  switch (spec.kind) {
    case "time":
      return timeChartOption(spec, runs, hub);
    case "figures":
      return figureChartOption(spec, runs, hub);
    case "difference":
      return differenceChartOption(spec, runs, hub);
    case "spread":
      return spreadChartOption(spec, runs, hub);
  }
}

/** Whether `spec` has anything to show for these runs: differences need a compare, strip plots
 * an ensemble; the other charts always have a card (saying so when a hub has no data). */
export function chartApplies(spec: ChartSpec, runs: RunData[]): boolean {
  if (spec.kind === "difference") return hasDifferences(runs);
  if (spec.kind === "spread") return hasReplicates(runs);
  return true;
}

/** The ECharts option of `spec` for `hub` of `runs`, with the number of values it draws. */
export function chartOption(spec: ChartSpec, runs: RunData[], hub: string): DrawnChart {
  const drawn = optionOf(spec, runs, hub);
  const name = `liangzhu-${spec.id}${hub ? `-${hub.replace(/\W+/g, "_")}` : ""}`;
  drawn.option.toolbox = { right: 0, top: 0, feature: { saveAsImage: { title: "Save as image", name } } };
  return drawn;
}
