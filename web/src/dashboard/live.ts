// A running run as the page follows it: the server-sent events parsed and checked, each update
// appended to the run so far, and what the progress line says.
import { parseReportData, ReportDataError, type HubData, type RunData } from "../report/data";
import type { Progress } from "./api";

/** A "data" event: the run's header and summary, and the weeks from `from` on (docs/dashboard.md). */
export interface RunUpdate extends RunData {
  from: number;
}

/** An update that does not continue the run the page has: the page follows the run afresh. */
export class UpdateGapError extends Error {}

/** The update carried by a "data" event, checked as the report checks its own data. */
export function parseRunEvent(text: string): RunUpdate {
  const document = `{"format":"liangzhu-report","version":1,"title":"live","runs":[${text}]}`;
  const update = parseReportData(document).runs[0] as RunUpdate;
  if (!Number.isInteger(update.from) || update.from < 0) throw new ReportDataError("a data event without 'from'");
  return update;
}

function appendHub(hub: HubData, added: HubData | undefined): HubData {
  const series = Object.entries(hub.series).map(([name, values]) => {
    const more = added?.series[name];
    if (!more) throw new UpdateGapError(`the update has no ${name} for hub ${hub.name}`);
    return [name, values.concat(more)];
  });
  return { ...hub, series: Object.fromEntries(series) as HubData["series"] };
}

/**
 * The run with `update` appended: its weeks after those of `run`, and its header and summary
 * (which change as the run ends). `run` is undefined before the first update.
 */
export function appendUpdate(run: RunData | undefined, update: RunUpdate): RunData {
  const { from, ...latest } = update;
  const have = run?.dates.length ?? 0;
  if (from !== have) throw new UpdateGapError(`the update starts at week ${from}, the page has ${have}`);
  if (run === undefined || have === 0) return latest;
  if (latest.dates.length === 0) return { ...latest, dates: run.dates, hubs: run.hubs };
  return {
    ...latest,
    dates: run.dates.concat(latest.dates),
    hubs: run.hubs.map((hub) => appendHub(hub, latest.hubs.find((h) => h.name === hub.name))),
  };
}

/** The progress carried by a "progress" event. */
export function parseProgress(text: string): Progress {
  const p = JSON.parse(text) as Progress;
  if (typeof p.run_id !== "number" || typeof p.status !== "string") throw new Error("not a progress event");
  return p;
}

/** True once a run or an ensemble with this status will not change any more. */
export function ended(status: string): boolean {
  return status !== "queued" && status !== "running";
}

/** True once a run will not change any more. */
export function finished(p: Progress): boolean {
  return ended(p.status);
}

/** "run 3: week 12 of 30 (40 %), running". */
export function progressText(p: Progress): string {
  const share = p.ticks_total > 0 ? Math.round((100 * p.tick) / p.ticks_total) : 0;
  const failed = p.status === "failed" && p.message ? `: ${p.message}` : "";
  return `run ${p.run_id}: week ${p.tick} of ${p.ticks_total} (${share} %), ${p.status}${failed}`;
}

/** Where the report of one run, or of two side by side, is served. */
export function reportUrl(run: number): string {
  return `/runs/${run}/report`;
}

export function compareUrl(a: number, b: number): string {
  return `/compare/${a}/${b}`;
}
