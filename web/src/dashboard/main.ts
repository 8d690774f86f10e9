// Entry of the dashboard bundle (served by `liangzhu serve` at /): pick a scenario, change its
// levers, start a run and watch the report's charts fill from the server's events; list the runs
// of the store, open their reports, compare two.
import { element } from "../report/page";
import { ApiError, cancelRun, getJson, startRun, type Parameter, type Progress, type RunRow, type ScenarioParameters, type ScenarioSummary } from "./api";
import { ChartsPanel } from "./charts_panel";
import type { RunData } from "../report/data";
import { appendUpdate, compareUrl, finished, parseProgress, parseRunEvent, progressText, UpdateGapError } from "./live";
import { changedValues } from "./params";
import { dashboardCss } from "./styles";
import { labelledSelect, parameterForm, runsTable, scenarioOptions } from "./view";

/** How long to wait before following a run again when the server refused: its Retry-After. */
const followRetrySeconds = 5;

class Dashboard {
  private readonly root = element("main");
  private readonly scenario = labelledSelect("scenario", "Scenario", []);
  private readonly formBox = element("div");
  private readonly label = element("input");
  private readonly delay = element("input");
  private readonly progress = element("p", "", "No run started yet.");
  private readonly cancel = element("button", "", "Cancel run");
  private readonly messages = element("p");
  private readonly charts = new ChartsPanel();
  private readonly runsBox = element("div");
  private readonly compareA = labelledSelect("compare-a", "Compare run", []);
  private readonly compareB = labelledSelect("compare-b", "with run", []);
  private readonly compareLink = element("a", "", "Compare side by side");
  private params: Parameter[] = [];
  private inputs = new Map<string, HTMLInputElement>();
  private events: EventSource | null = null;
  /** The run followed, as far as its updates have come. */
  private run: RunData | undefined;
  private retry = 0;

  constructor() {
    document.body.append(this.root);
    this.root.append(element("h1", "", "liangzhu dashboard"), this.controls(), this.charts.root, this.runsPanel());
  }

  private controls(): HTMLElement {
    const panel = element("section", "panel");
    const start = element("button", "", "Start run");
    start.id = "start";
    start.addEventListener("click", () => void this.start());
    this.label.id = "label";
    this.label.placeholder = "label (optional)";
    this.delay.id = "tick-delay";
    this.delay.type = "number";
    this.delay.min = "0";
    this.delay.max = "2000";
    this.delay.value = "0";
    const delayLabel = element("label", "field", "Pause per week (ms) ");
    delayLabel.append(this.delay);
    this.scenario.select.addEventListener("change", () => void this.loadParameters(this.scenario.select.value));
    this.progress.id = "progress";
    this.cancel.id = "cancel";
    this.cancel.hidden = true;
    this.cancel.addEventListener("click", () => void this.cancelFollowed());
    this.messages.id = "messages";
    this.formBox.id = "parameters";
    panel.append(this.scenario.label, delayLabel, this.label, start, this.cancel, this.formBox, this.progress, this.messages);
    return panel;
  }

  private runsPanel(): HTMLElement {
    const panel = element("section", "panel");
    this.compareLink.id = "compare-link";
    this.compareLink.target = "_blank";
    const update = (): void => {
      this.compareLink.href = compareUrl(Number(this.compareA.select.value), Number(this.compareB.select.value));
    };
    this.compareA.select.addEventListener("change", update);
    this.compareB.select.addEventListener("change", update);
    panel.append(element("h2", "", "Runs in the store"), this.compareA.label, this.compareB.label, this.compareLink, this.runsBox);
    return panel;
  }

  async load(): Promise<void> {
    const scenarios = await getJson<ScenarioSummary[]>("/api/scenarios");
    for (const [value, text] of scenarioOptions(scenarios)) this.scenario.select.append(new Option(text, value));
    if (scenarios[0]) await this.loadParameters(scenarios[0].name);
    await this.loadRuns();
  }

  /** Draws the form of scenario `name`; data-scenario names the scenario once it is drawn. */
  private async loadParameters(name: string): Promise<void> {
    delete this.formBox.dataset.scenario;
    const described = await getJson<ScenarioParameters>(`/api/scenarios/${encodeURIComponent(name)}`);
    this.params = described.parameters;
    const { form, inputs } = parameterForm(this.params);
    this.inputs = inputs;
    this.formBox.replaceChildren(form);
    this.formBox.dataset.scenario = name;
  }

  private async loadRuns(): Promise<void> {
    const runs = await getJson<RunRow[]>("/api/runs");
    this.runsBox.replaceChildren(runsTable(runs));
    const ids = runs.map((r): [string, string] => [String(r.run_id), `${r.run_id}: ${r.label || r.scenario}`]);
    for (const [select, pick] of [[this.compareA.select, ids.length - 2], [this.compareB.select, ids.length - 1]] as const) {
      select.replaceChildren(...ids.map(([value, text]) => new Option(text, value)));
      select.selectedIndex = Math.max(0, pick);
    }
    this.compareLink.href = compareUrl(Number(this.compareA.select.value), Number(this.compareB.select.value));
  }

  private async start(): Promise<void> {
    const typed = Object.fromEntries([...this.inputs].map(([key, input]) => [key, input.value]));
    const { values, errors } = changedValues(this.params, typed);
    this.messages.textContent = errors.join("\n");
    if (errors.length > 0) return;
    try {
      const progress = await startRun({
        scenario: this.scenario.select.value,
        values,
        label: this.label.value,
        tick_delay_ms: Number(this.delay.value) || 0,
      });
      this.follow(progress);
      await this.loadRuns();
    } catch (e) {
      this.messages.textContent = e instanceof ApiError ? `The server refused the run: ${e.message}` : String(e);
    }
  }

  /** Stops the run followed; its stream then ends with the run interrupted. */
  private async cancelFollowed(): Promise<void> {
    const runId = Number(this.progress.dataset.run);
    if (!runId) return;
    try {
      await cancelRun(runId);
    } catch (e) {
      this.messages.textContent = e instanceof ApiError ? `The run cannot be cancelled: ${e.message}` : String(e);
    }
  }

  private showProgress(p: Progress): void {
    this.progress.textContent = progressText(p);
    this.cancel.hidden = finished(p);
    this.progress.dataset.run = String(p.run_id);
    this.progress.dataset.status = p.status;
    this.progress.dataset.tick = String(p.tick);
  }

  /** Follows a run from its first week. On a dropped connection the browser reconnects by
   * itself, sending the id of the last update, and the server sends only the weeks after it. */
  private follow(first: Progress): void {
    this.events?.close();
    window.clearTimeout(this.retry);
    this.run = undefined;
    this.showProgress(first);
    const events = new EventSource(`/api/runs/${first.run_id}/events`);
    this.events = events;
    events.addEventListener("data", (e) => {
      try {
        this.run = appendUpdate(this.run, parseRunEvent((e as MessageEvent<string>).data));
      } catch (error) {
        if (!(error instanceof UpdateGapError)) throw error;
        this.follow(first);
        return;
      }
      this.charts.draw(this.run);
    });
    events.addEventListener("progress", (e) => {
      const p = parseProgress((e as MessageEvent<string>).data);
      this.showProgress(p);
      if (!finished(p)) return;
      events.close();
      void this.loadRuns();
    });
    // The server could not read the run (its store failed): the stream ends with the reason.
    events.addEventListener("failure", (e) => {
      events.close();
      this.messages.textContent = `Run ${first.run_id}: ${failureText((e as MessageEvent<string>).data)}`;
    });
    // A refused stream (the server follows as many runs as it can already) is not retried by
    // the browser: the page tries again after the wait the server asks for.
    events.addEventListener("error", () => {
      if (events.readyState !== EventSource.CLOSED || this.events !== events) return;
      this.messages.textContent = `The server cannot send run ${first.run_id}'s weeks now; trying again in ${followRetrySeconds} s.`;
      this.retry = window.setTimeout(() => {
        this.messages.textContent = "";
        this.follow(first);
      }, followRetrySeconds * 1000);
    });
  }
}

/** The reason in a "failure" event's {"error": message}. */
function failureText(data: string): string {
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === "object" && parsed !== null && "error" in parsed) return String(parsed.error);
  } catch {
    // not JSON: shown as it came
  }
  return data;
}

function start(): void {
  const style = element("style");
  style.textContent = dashboardCss;
  document.head.append(style);
  const dashboard = new Dashboard();
  dashboard
    .load()
    .then(() => {
      document.body.dataset.ready = "true";
    })
    .catch((e: unknown) => {
      document.body.append(element("p", "error", `The dashboard cannot start: ${String(e)}`));
    });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
