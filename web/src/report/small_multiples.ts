// Small multiples: one small panel per series or figure, two to a row, each with its own title,
// axes and grid, in one chart. A chart comparing many scenarios keeps one colour per scenario
// this way instead of crowding every line into one plot.
import type { EChartsOption, LineSeriesOption } from "echarts";

import { axisTooltip, type TooltipFormats } from "./tooltip";

/** The grids and titles of `labels.length` panels below `top` pixels, and the height they take. */
export interface Panels {
  grid: NonNullable<EChartsOption["grid"]>;
  title: NonNullable<EChartsOption["title"]>;
  height: number;
}

const titleHeight = 22;
const gapBelow = 40; // the x axis' labels

export function panels(labels: string[], top: number, panelHeight = 170): Panels {
  const columns = labels.length > 1 ? 2 : 1;
  const grid: object[] = [];
  const title: object[] = [];
  labels.forEach((label, i) => {
    const row = Math.floor(i / columns);
    const column = i % columns;
    const y = top + row * (titleHeight + panelHeight + gapBelow) + titleHeight;
    const left = columns === 1 ? 9 : column === 0 ? 9 : 59;
    const width = columns === 1 ? 86 : 36;
    grid.push({ left: `${left}%`, width: `${width}%`, top: y, height: panelHeight });
    title.push({ text: label, left: `${left - 4}%`, top: y - titleHeight, textStyle: { fontSize: 12, fontWeight: "normal" } });
  });
  const rows = Math.ceil(labels.length / columns);
  return {
    grid: grid as Panels["grid"],
    title: title as Panels["title"],
    height: top + rows * (titleHeight + panelHeight + gapBelow) + 10,
  };
}

/** The option of time panels: `layout`'s grids, a legend of `legend`, an axis tooltip naming each
 * series by `names`, a time axis per panel and the panels' value axes. */
export function timePanelsOption(
  layout: Panels,
  legend: string[],
  tooltip: { formats: TooltipFormats; names: Record<string, string> },
  yAxis: object[],
  series: LineSeriesOption[],
): EChartsOption {
  return {
    animation: false,
    title: layout.title,
    grid: layout.grid,
    legend: { data: legend, top: 0, left: 10, right: 36 },
    tooltip: { trigger: "axis", formatter: axisTooltip(tooltip.formats, tooltip.names) },
    xAxis: yAxis.map((_, i) => ({ type: "time" as const, gridIndex: i })),
    yAxis: yAxis as EChartsOption["yAxis"],
    series,
  };
}
