// Tooltips that read like the axes: money in CNY, shares in percent, and an ensemble's confidence
// interval after its mean.
import type { EChartsOption } from "echarts";

import { formatNumber, type NumberFormat } from "./format";

/** A chart's option, the number of values it draws (0: the chart has no data) and the height in
 * pixels its box needs (more when a long legend wraps). */
export interface DrawnChart {
  option: EChartsOption;
  points: number;
  height: number;
}

/** The number format of each series that shows in the tooltip, by series id. */
export type TooltipFormats = Record<string, NumberFormat>;

/** What ECharts hands an axis tooltip formatter for each series under the pointer. */
interface PointerParam {
  seriesId?: string;
  seriesName?: string;
  marker?: unknown;
  value?: unknown;
  axisValueLabel?: string;
}

/** Text safe inside the tooltip's HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);
}

/** "1.2 bn (0.9 bn – 1.5 bn)" for a point [date, value, lower, upper]. */
export function describePoint(value: unknown, format: NumberFormat): string {
  const [, v, lo, hi] = Array.isArray(value) ? (value as (number | null)[]) : [];
  const text = formatNumber(v, format);
  if (lo === null || lo === undefined || hi === null || hi === undefined) return text;
  return `${text} (${formatNumber(lo, format)} – ${formatNumber(hi, format)})`;
}

/** The formatter of an axis tooltip: the date, then each drawn series with its value, named by
 * `names` (by series id) where given, else by the series' own name. */
export function axisTooltip(formats: TooltipFormats, names: Record<string, string> = {}): (params: unknown) => string {
  return (params: unknown) => {
    const list = (Array.isArray(params) ? params : [params]) as PointerParam[];
    const shown = list.filter((p) => p.seriesId !== undefined && p.seriesId in formats);
    const head = escapeHtml(String(list[0]?.axisValueLabel ?? "")).slice(0, 10);
    const rows = shown.map((p) => {
      const format = formats[p.seriesId as string] as NumberFormat;
      const marker = typeof p.marker === "string" ? p.marker : "";
      const name = names[p.seriesId as string] ?? p.seriesName ?? "";
      return `${marker}${escapeHtml(name)}: <b>${describePoint(p.value, format)}</b>`;
    });
    return [head, ...rows].join("<br>");
  };
}
