// The JSON API of `liangzhu serve` (docs/dashboard.md), as the dashboard uses it.

/** A scenario the server can run. */
export interface ScenarioSummary {
  name: string;
  description: string;
}

/** One parameter of the scenario, described by the schema (docs/parameters.md). */
export interface Parameter {
  /** The full dotted key, as --set and the scenario files write it. */
  key: string;
  /** The section it belongs to ("Run", "Hubs: liangzhu", "Incumbents: liangzhu / alibaba"...). */
  group: string;
  /** A hub's parameters by the first part of their key ("noncompete", "government"...). */
  subgroup: string;
  /** The key inside its table. */
  label: string;
  /** Plain words: the description up to its first parenthesis. */
  title: string;
  type: string;
  unit: string;
  min: number | null;
  max: number | null;
  choices: string[];
  default: number | string | boolean;
  /** The scenario's own value. */
  value: number | string | boolean;
  description: string;
  source: string;
  /** Takes effect when the run starts only: no dated change may set it. */
  start_only: boolean;
  /** One of the policy levers the model is about, shown first. */
  main: boolean;
}

export interface ScenarioParameters {
  name: string;
  description: string;
  hubs: string[];
  /** The date of week 0. */
  start: string;
  parameters: Parameter[];
}

/** A dated change of a hub's parameter (a [[hub.<name>.policy]] entry). */
export interface PolicyChange {
  date: string;
  hub: string;
  key: string;
  value: number | string | boolean;
}

/** What the lab sends for a run, an ensemble or a download. */
export interface Setup {
  scenario: string;
  values: Record<string, number | string | boolean>;
  policies: PolicyChange[];
  name?: string;
}

/** A scenario file or stored run as a set-up of the closest scenario offered, and what a set-up
 * of it cannot express. */
export interface OpenedSetup extends Setup {
  unmatched: string[];
}

/** Where an ensemble of the server stands. */
export interface EnsembleProgress {
  ensemble_id: number;
  status: string;
  done: number;
  total: number;
  label: string;
  message: string;
  data: string;
}

/** The server's queue: the item running first, then those waiting. */
export interface QueueState {
  paused: boolean;
  items: { kind: string; id: number; label: string }[];
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

function post(url: string, body: object): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

export async function postJson<T>(url: string, body: object = {}): Promise<T> {
  return answer<T>(await post(url, body));
}

/** Starts a run; the server answers 202 with its progress, or refuses with ApiError. */
export function startRun(body: object): Promise<Progress> {
  return postJson<Progress>("/api/runs", body);
}

/** Cancels a waiting or running run of the server; refused with ApiError (409) once it has ended. */
export function cancelRun(runId: number): Promise<Progress> {
  return postJson<Progress>(`/api/runs/${runId}/cancel`);
}

/** The set-up as the TOML file `liangzhu validate` and `liangzhu run` take. */
export async function setupToml(setup: Setup): Promise<string> {
  const response = await post("/api/setup/toml", setup);
  if (!response.ok) await answer<never>(response);
  return response.text();
}
