// The JSON API of `liangzhu serve` (docs/dashboard.md), as the dashboard uses it.

/** A scenario the server can run. */
export interface ScenarioSummary {
  name: string;
  description: string;
}

/** One parameter the dashboard lets users change, described by the schema. */
export interface Parameter {
  key: string;
  group: string;
  label: string;
  type: string;
  unit: string;
  min: number | null;
  max: number | null;
  default: number | string | boolean;
  /** The scenario's own value. */
  value: number | string | boolean;
  description: string;
}

export interface ScenarioParameters {
  name: string;
  description: string;
  hubs: string[];
  parameters: Parameter[];
}

/** A run of the store. */
export interface RunRow {
  run_id: number;
  scenario: string;
  label: string;
  seed: number;
  status: string;
  ticks_done: number;
  ticks_total: number;
  started_at: string;
  ended_at: string;
  /** The values the run changed from its scenario ("key=value"). */
  overrides?: string[];
}

/** Where a run of the server stands (the "progress" event and the answer to POST /api/runs). */
export interface Progress {
  run_id: number;
  status: string;
  tick: number;
  ticks_total: number;
  message: string;
}

/** What the server answered when it refused a request. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function answer<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const message = (body as { error?: string }).error ?? `HTTP ${response.status}`;
    throw new ApiError(response.status, message);
  }
  return body as T;
}

export async function getJson<T>(url: string): Promise<T> {
  return answer<T>(await fetch(url, { headers: { Accept: "application/json" } }));
}

/** Starts a run; the server answers 202 with its progress, or refuses with ApiError. */
export async function startRun(body: object): Promise<Progress> {
  const response = await fetch("/api/runs", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return answer<Progress>(response);
}

/** Cancels a waiting or running run of the server; refused with ApiError (409) once it has ended. */
export async function cancelRun(runId: number): Promise<Progress> {
  const response = await fetch(`/api/runs/${runId}/cancel`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: "{}",
  });
  return answer<Progress>(response);
}
