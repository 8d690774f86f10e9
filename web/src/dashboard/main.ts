// Entry of the dashboard bundle (served by `liangzhu serve` at /): the policy lab. Pick a
// scenario, change any of its levers and add dated policy changes, then run an ensemble against
// the scenario as it is (replicates on every core, the bands and the answer filling in as pairs of
// runs finish) or one run watched week by week; download the set-up as a scenario file; pause,
// resume or cancel; list the runs of the store, open their reports, compare two.
import type { RunData } from "../report/data";
import { checkReportData, parseDocument } from "../report/data";
import { element } from "../report/page";
import { ApiError, cancelRun, getJson, postJson, setupToml, startRun, type EnsembleProgress, type OpenedSetup, type Parameter, type Progress, type QueueState, type RunRow, type ScenarioParameters, type ScenarioSummary, type Setup } from "./api";
import { appendUpdate, compareUrl, ended, finished, parseProgress, parseRunEvent, progressText, UpdateGapError } from "./live";
import { LeversPanel } from "./lever_view";
import { changedValues } from "./params";
import { PolicyTimeline } from "./policy_view";
import { ResultsPanel } from "./results_panel";
import { dashboardCss } from "./styles";
import { labelledSelect, runsTable, scenarioOptions } from "./view";

/** How long to wait before following a run again when the server refused: its Retry-After. */
const followRetrySeconds = 5;
/** How often an ensemble's progress and the queue are asked for. */
const pollMs = 500;

/** "ensemble 3: 4 of 10 runs (40 %), running". */
export function ensembleText(p: EnsembleProgress): string {
  const share = p.total > 0 ? Math.round((100 * p.done) / p.total) : 0;
  const failed = p.status === "failed" && p.message ? `: ${p.message}` : "";
  return `ensemble ${p.ensemble_id}: ${p.done} of ${p.total} runs (${share} %), ${p.status}${failed}`;
}

class Lab {
  private readonly root = element("main", "lab");
  private readonly scenario = labelledSelect("scenario", "Scenario", []);
  private readonly levers = new LeversPanel(() => this.setupChanged());
  private readonly timeline = new PolicyTimeline(() => this.setupChanged());
  private readonly name = element("input");
  private readonly label = element("input");
  private readonly replicates = element("input");
  private readonly delay = element("input");
  private readonly ensembleButton = element("button", "primary", "Run ensemble");
  private readonly posterior = element("input");
  private readonly posteriorLabel = element("label", "field", " Parameter uncertainty: posterior draws");
  private readonly progress = element("p", "", "Nothing running.");
  private readonly cancel = element("button", "", "Cancel");
  private readonly pause = element("button", "", "Pause");
  private readonly queue = element("p", "caption");
  private readonly messages = element("p");
  private readonly results = new ResultsPanel();
  private readonly runsBox = element("div");
  private readonly compareA = labelledSelect("compare-a", "Compare run", []);
  private readonly compareB = labelledSelect("compare-b", "with run", []);
  private readonly compareLink = element("a", "", "Compare side by side");
  private described: ScenarioParameters | undefined;
  private events: EventSource | null = null;
  private run: RunData | undefined;
  private retry = 0;
  /** The ensemble followed and the runs of it drawn so far. */
  private ensemble: { id: number; drawn: number } | undefined;
  private pollTimer = 0;

  constructor() {
    document.body.append(this.root);
    const side = element("aside", "side");
    side.append(this.setupPanel(), this.levers.root, this.timeline.root);
    const mainColumn = element("section", "answer-column");
    mainColumn.append(this.statusPanel(), this.results.root, this.runsPanel());
    this.root.append(side, mainColumn);
  }

  private setupPanel(): HTMLElement {
    const panel = element("section", "setup");
    panel.append(element("h1", "", "liangzhu policy lab"));
    this.scenario.select.addEventListener("change", () => void this.loadParameters(this.scenario.select.value));
    this.name.id = "setup-name";
    this.name.placeholder = "name of this set-up";
    this.replicates.id = "replicates";
    this.replicates.type = "number";
    this.replicates.min = "2";
    this.replicates.max = "100";
    this.replicates.value = "5";
    this.label.id = "label";
    this.label.placeholder = "label (optional)";
    this.delay.id = "tick-delay";
    this.delay.type = "number";
    this.delay.min = "0";
    this.delay.max = "2000";
    this.delay.value = "0";
    this.ensembleButton.id = "run-ensemble";
    this.ensembleButton.addEventListener("click", () => void this.startEnsemble());
    const single = element("button", "", "Single run, live");
    single.id = "start";
    single.addEventListener("click", () => void this.startSingle());
    const download = element("button", "", "Download scenario (TOML)");
    download.id = "download";
    download.addEventListener("click", () => void this.download());
    const openFile = element("input");
    openFile.id = "open-file";
    openFile.type = "file";
    openFile.accept = ".toml";
    openFile.addEventListener("change", () => {
      const file = openFile.files?.[0];
      if (file) void file.text().then((toml) => this.open({ toml }));
      openFile.value = "";
    });
    const openLabel = element("label", "field", "Open a scenario file ");
    openLabel.append(openFile);
    const replicatesLabel = element("label", "field", "Replicates ");
    replicatesLabel.append(this.replicates);
    this.posterior.id = "use-posterior";
    this.posterior.type = "checkbox";
    this.posteriorLabel.prepend(this.posterior);
    this.posteriorLabel.hidden = true;
    const delayLabel = element("label", "field", "Pause per week (ms) ");
    delayLabel.append(this.delay);
    const nameLabel = element("label", "field", "Set-up name ");
    nameLabel.append(this.name);
    panel.append(this.scenario.label, nameLabel, replicatesLabel, this.posteriorLabel, this.ensembleButton, element("br"), this.label, delayLabel, single, download, openLabel);
    return panel;
  }

  private statusPanel(): HTMLElement {
    const panel = element("section", "status");
    this.progress.id = "progress";
    this.cancel.id = "cancel";
    this.cancel.hidden = true;
    this.cancel.addEventListener("click", () => void this.cancelFollowed());
    this.pause.id = "pause";
    this.pause.addEventListener("click", () => void this.togglePause());
    this.queue.id = "queue";
    this.messages.id = "messages";
    panel.append(this.progress, this.cancel, this.pause, this.queue, this.messages);
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
    this.runsBox.addEventListener("click", (e) => {
      const run = (e.target as HTMLElement).closest<HTMLElement>("button.open-run")?.dataset.run;
      if (run) void this.open({ run: Number(run) });
    });
    panel.append(element("h2", "", "Runs in the store"), this.compareA.label, this.compareB.label, this.compareLink, this.runsBox);
    return panel;
  }

  async load(): Promise<void> {
    const scenarios = await getJson<ScenarioSummary[]>("/api/scenarios");
    for (const [value, text] of scenarioOptions(scenarios)) this.scenario.select.append(new Option(text, value));
    if (scenarios[0]) await this.loadParameters(scenarios[0].name);
    // A server started with --posterior offers its draws: each pair of replicates takes one.
    const lab = await getJson<{ posterior: string | null }>("/api/lab");
    if (lab.posterior) {
      this.posteriorLabel.hidden = false;
      this.posteriorLabel.title = `Replicate r of both scenarios takes draw r/2 of ${lab.posterior} and seed r: the intervals then carry parameter uncertainty as well as luck (replicates must be even).`;
    }
    await this.loadRuns();
    await this.pollQueue();
  }

  private async loadParameters(name: string): Promise<void> {
    this.levers.loading();
    const described = await getJson<ScenarioParameters>(`/api/scenarios/${encodeURIComponent(name)}`);
    this.described = described;
    this.levers.show(name, described.parameters);
    this.timeline.show(described.parameters, described.hubs, described.start, this.weeks());
    this.setupChanged();
  }

  private weeks(): number {
    const typed = Number(this.levers.typed().ticks);
    const own = this.described?.parameters.find((p) => p.key === "ticks")?.value;
    return Number.isInteger(typed) && typed > 0 ? typed : Number(own ?? 522);
  }

  private setupChanged(): void {
    if (!this.described) return;
    this.timeline.range(this.described.start, this.weeks());
    this.ensembleButton.textContent = `Run ensemble against ${this.described.name}`;
  }

  /** The set-up on the page, or the errors that keep it from being sent. */
  private setup(): { setup: Setup; errors: string[] } | undefined {
    if (!this.described) return undefined;
    const params: Parameter[] = this.described.parameters;
    const { values, errors } = changedValues(params, this.levers.typed());
    const policies = this.timeline.changes();
    const setup: Setup = { scenario: this.described.name, values, policies: policies.changes };
    if (this.name.value.trim()) setup.name = this.name.value.trim();
    return { setup, errors: [...errors, ...policies.errors] };
  }

  private checkedSetup(): Setup | undefined {
    const checked = this.setup();
    this.messages.textContent = checked?.errors.join("\n") ?? "";
    return checked && checked.errors.length === 0 ? checked.setup : undefined;
  }

  /** Runs `action` with the set-up on the page once it is checked; a refusal is shown as the
   * server's reason for `what`. */
  private async withSetup(what: string, action: (setup: Setup) => Promise<void>): Promise<void> {
    const setup = this.checkedSetup();
    if (!setup) return;
    try {
      await action(setup);
    } catch (e) {
      this.messages.textContent = refusal(`The server refused the ${what}`, e);
    }
  }

  private startEnsemble(): Promise<void> {
    return this.withSetup("ensemble", async (setup) => {
      const p = await postJson<EnsembleProgress>("/api/ensembles", {
        ...setup,
        replicates: Number(this.replicates.value),
        label: this.label.value,
        posterior: !this.posteriorLabel.hidden && this.posterior.checked,
      });
      this.followEnsemble(p);
    });
  }

  private startSingle(): Promise<void> {
    return this.withSetup("run", async (setup) => {
      this.follow(await startRun({ ...setup, label: this.label.value, tick_delay_ms: Number(this.delay.value) || 0 }));
      await this.loadRuns();
    });
  }

  private download(): Promise<void> {
    return this.withSetup("set-up", async (setup) => {
      const text = await setupToml(setup);
      const link = element("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "application/toml" }));
      link.download = `${setup.name ?? `${setup.scenario}_lab`}.toml`;
      document.body.append(link);
      link.click();
      link.remove();
    });
  }

  /** Sets the lab to a scenario file's or a stored run's set-up. */
  private async open(request: { toml: string } | { run: number }): Promise<void> {
    try {
      const opened = await postJson<OpenedSetup>("/api/setup/open", request);
      this.scenario.select.value = opened.scenario;
      await this.loadParameters(opened.scenario);
      for (const [key, value] of Object.entries(opened.values)) this.levers.set(key, value);
      for (const change of opened.policies) this.timeline.add(change);
      this.name.value = opened.name ?? "";
      const what = "run" in request ? `run ${request.run}` : "the file";
      this.messages.textContent =
        opened.unmatched.length === 0
          ? ""
          : `Opened ${what} as a set-up of ${opened.scenario}; the lab cannot set: ${opened.unmatched.join("; ")}`;
      // Read by the browser test: how many set-ups the lab has opened.
      document.body.dataset.opened = String(Number(document.body.dataset.opened ?? 0) + 1);
    } catch (e) {
      this.messages.textContent = refusal("It cannot be opened", e);
    }
  }

  private async togglePause(): Promise<void> {
    const paused = this.pause.dataset.paused === "true";
    const state = await postJson<QueueState>(paused ? "/api/queue/resume" : "/api/queue/pause");
    this.showQueue(state);
  }

  private showQueue(state: QueueState): void {
    this.pause.dataset.paused = String(state.paused);
    this.pause.textContent = state.paused ? "Resume" : "Pause";
    const items = state.items.map((item, i) => `${i === 0 ? "running" : "waiting"}: ${item.kind} ${item.id} ${item.label}`);
    this.queue.textContent = `${state.paused ? "Paused. " : ""}${items.length === 0 ? "The queue is empty." : items.join(" · ")}`;
  }

  private async pollQueue(): Promise<void> {
    try {
      this.showQueue(await getJson<QueueState>("/api/queue"));
    } catch {
      // the next poll tries again
    }
  }

  private async cancelFollowed(): Promise<void> {
    try {
      if (this.ensemble) await postJson(`/api/ensembles/${this.ensemble.id}/cancel`);
      else if (Number(this.progress.dataset.run)) await cancelRun(Number(this.progress.dataset.run));
    } catch (e) {
      this.messages.textContent = refusal("It cannot be cancelled", e);
    }
  }

  private stopFollowing(): void {
    this.events?.close();
    this.events = null;
    window.clearTimeout(this.retry);
    window.clearTimeout(this.pollTimer);
    this.ensemble = undefined;
    this.run = undefined;
    for (const key of ["run", "ensemble", "status", "tick", "done"]) delete this.progress.dataset[key];
  }

  private followEnsemble(first: EnsembleProgress): void {
    this.stopFollowing();
    this.ensemble = { id: first.ensemble_id, drawn: -1 };
    this.results.reset("Running the ensemble: the answer appears when the first pair of runs has finished.");
    const poll = async (): Promise<void> => {
      const followed = this.ensemble;
      if (!followed || followed.id !== first.ensemble_id) return;
      try {
        const p = await getJson<EnsembleProgress>(`/api/ensembles/${first.ensemble_id}`);
        this.showEnsemble(p);
        if (p.done !== followed.drawn && p.done > 0) {
          followed.drawn = p.done;
          await this.drawEnsemble(p);
        }
        await this.pollQueue();
        if (ended(p.status)) {
          this.progress.dataset.status = p.status;
          void this.loadRuns();
          return;
        }
      } catch (e) {
        this.messages.textContent = String(e);
      }
      this.pollTimer = window.setTimeout(() => void poll(), pollMs);
    };
    this.showEnsemble(first);
    void poll();
  }

  private showEnsemble(p: EnsembleProgress): void {
    this.progress.textContent = ensembleText(p);
    this.progress.dataset.ensemble = String(p.ensemble_id);
    this.progress.dataset.done = String(p.done);
    if (!ended(p.status)) this.progress.dataset.status = p.status;
    this.cancel.hidden = ended(p.status);
  }

  /** Draws the ensemble's runs so far; nothing until a pair has finished. */
  private async drawEnsemble(p: EnsembleProgress): Promise<void> {
    let text: string;
    try {
      const response = await fetch(p.data, { headers: { Accept: "application/json" } });
      if (!response.ok) return;  // no complete pair yet
      text = await response.text();
    } catch {
      return;
    }
    const data = checkReportData(parseDocument(text));
    this.results.draw(data, this.timeline.marks());
    this.results.answer.dataset.ensemble = String(p.ensemble_id);
    this.results.answer.dataset.done = String(p.done);
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
    this.stopFollowing();
    this.results.reset("A single run: its figures are below. Run an ensemble for the answer against the scenario.");
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
      this.results.draw({ format: "liangzhu-report", version: 1, title: "live", runs: [this.run], series_info: {} }, this.timeline.marks());
    });
    events.addEventListener("progress", (e) => {
      const p = parseProgress((e as MessageEvent<string>).data);
      this.showProgress(p);
      void this.pollQueue();
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

/** "`prefix`: the server's reason" for a refusal, the error itself for anything else. */
function refusal(prefix: string, e: unknown): string {
  return e instanceof ApiError ? `${prefix}: ${e.message}` : String(e);
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
  const lab = new Lab();
  lab
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
