// A running run as the page follows it: the server-sent events parsed and checked, and what the
// progress line says.
import { parseReportData, type RunData } from "../report/data";
import type { Progress } from "./api";

/** The run carried by a "data" event, checked as the report checks its own data. */
export function parseRunEvent(text: string): RunData {
  const document = `{"format":"liangzhu-report","version":1,"title":"live","runs":[${text}]}`;
  return parseReportData(document).runs[0] as RunData;
}

/** The progress carried by a "progress" event. */
export function parseProgress(text: string): Progress {
  const p = JSON.parse(text) as Progress;
  if (typeof p.run_id !== "number" || typeof p.status !== "string") throw new Error("not a progress event");
  return p;
}

/** True once a run will not change any more. */
export function finished(p: Progress): boolean {
  return p.status !== "queued" && p.status !== "running";
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
