// The page of a calibration report: what was calibrated, how the generations went, each
// factor's posterior (table, marginal and pairwise plots), the posterior predictive of every
// target, and the targets' sensitivity to the factors before fitting.
import { shortKey, type CalibrationData, type Factor } from "./calibration_data";
import { echarts } from "./echarts_setup";
import { element } from "./page";
import { formatFactor, marginalOption, pairOption, predictiveOption } from "./posterior_plots";
import type { DrawnChart } from "./tooltip";

function table(id: string, header: string[], rows: (string | HTMLElement)[][], className = "headline"): HTMLTableElement {
  const t = element("table", className);
  t.id = id;
  const head = element("tr");
  for (const cell of header) head.append(element("th", "", cell));
  t.append(head);
  for (const cells of rows) {
    const tr = element("tr");
    for (const cell of cells) tr.append(typeof cell === "string" ? element("td", "value", cell) : cell);
    t.append(tr);
  }
  return t;
}

function cell(text: string, className = "value", title = ""): HTMLTableCellElement {
  const td = element("td", className, text);
  if (title) td.title = title;
  return td;
}

function priorText(f: Factor): string {
  const p = f.prior;
  if (p.shape === "normal") return `normal(${formatFactor(p.mean)}, ${formatFactor(p.sd)}) on [${formatFactor(p.low)}, ${formatFactor(p.high)}]`;
  return `${p.shape} [${formatFactor(p.low)}, ${formatFactor(p.high)}]`;
}

function header(data: CalibrationData): HTMLElement {
  const c = data.calibration;
  const section = element("header");
  section.append(element("h1", "", data.title));
  if (data.generated_by) section.append(element("p", "meta", `Made by ${data.generated_by}.`));
  const last = data.generations[data.generations.length - 1];
  section.append(
    table(
      "calibration",
      ["experiment", "scenario", "replicates per particle", "particles", "generations", "status", "stopped because"],
      [[c.experiment, c.scenario, String(c.replicates), String(c.particles), `${last ? last.index + 1 : 0} of ${c.max_generations}`, c.status, c.stop_reason || "–"]],
      "runs",
    ),
  );
  return section;
}

function generationsTable(data: CalibrationData): HTMLTableElement {
  return table(
    "generations",
    ["generation", "tolerance", "simulations", "acceptance", "effective sample size"],
    data.generations.map((g) => [String(g.index), g.tolerance === null ? "∞ (prior)" : formatFactor(g.tolerance), String(g.simulations), `${(g.acceptance * 100).toFixed(1)} %`, g.ess.toFixed(1)]),
  );
}

function posteriorTable(data: CalibrationData): HTMLTableElement {
  return table(
    "posterior",
    ["factor", "prior", "mean", "5%", "50%", "95%", "sd / prior sd", "the targets"],
    data.factors.map((f) => [
      cell(f.key, ""),
      cell(priorText(f), ""),
      formatFactor(f.mean),
      formatFactor(f.q05),
      formatFactor(f.q50),
      formatFactor(f.q95),
      f.width_ratio.toFixed(2),
      cell(f.identification, `identification-${f.identification.replace(/ /g, "-")}`),
    ]),
  );
}

function predictiveTable(data: CalibrationData): HTMLTableElement {
  return table(
    "predictive",
    ["target", "observed", "scale", "weight", "predicted 5%", "50%", "95%", "observation"],
    data.targets.map((t) => [
      cell(t.name, ""),
      formatFactor(t.observed),
      formatFactor(t.scale),
      t.weight === 0 ? "0 (held out)" : String(t.weight),
      formatFactor(t.q05),
      formatFactor(t.q50),
      formatFactor(t.q95),
      cell(t.inside ? "inside 90%" : "outside 90%", t.inside ? "verdict-inside" : "verdict-far"),
    ]),
  );
}

/** Rank correlations as a heat map of cells: the stronger, the darker. */
function sensitivityTable(data: CalibrationData): HTMLTableElement {
  return table(
    "sensitivity",
    ["target", ...data.factors.map((f) => shortKey(f.key))],
    data.targets.map((t) => [
      cell(t.name, ""),
      ...t.sensitivity.map((rho) => {
        const td = cell(rho === null ? "–" : `${rho >= 0 ? "+" : ""}${rho.toFixed(2)}`);
        if (rho !== null) td.style.background = `rgba(${rho >= 0 ? "47,109,181" : "194,59,59"},${Math.abs(rho) * 0.55})`;
        return td;
      }),
    ]),
  );
}

interface Card {
  id: string;
  title: string;
  caption: string;
  drawn: DrawnChart;
  wide?: boolean;
}

function drawCards(grid: HTMLElement, cards: Card[]): ReturnType<typeof echarts.init>[] {
  return cards.map((c) => {
    const card = element("section", c.wide ? "card wide" : "card");
    card.append(element("h2", "", c.title), element("p", "caption", c.caption));
    const box = element("div", "chart");
    box.id = `chart-${c.id}`;
    box.dataset.chart = c.id;
    box.dataset.points = String(c.drawn.points);
    box.style.height = `${c.drawn.height}px`;
    card.append(box);
    grid.append(card);
    const chart = echarts.init(box, undefined, { renderer: "svg" });
    chart.setOption(c.drawn.option);
    return chart;
  });
}

function section(root: HTMLElement, title: string, caption: string, ...content: HTMLElement[]): void {
  root.append(element("h2", "", title), element("p", "caption", caption), ...content);
}

/** Builds the whole calibration page into `root`. */
export function buildCalibrationPage(root: HTMLElement, data: CalibrationData): void {
  const last = data.generations[data.generations.length - 1];
  root.append(header(data));
  section(root, "Generations", "Each generation lowers the tolerance to a quantile of the previous distances and keeps the proposals within it: acceptance is the share of simulations kept, the effective sample size that of the weights (ABC-SMC, docs/calibration.md).", generationsTable(data));
  section(root, "Posterior", `The factors in generation ${last?.index ?? 0}, by weight. The ratio of the posterior's sd to the prior draws' says what the targets pin down: identified at 0.5 or less, partly up to 0.7, not identified above.`, posteriorTable(data));
  const marginals = element("div", "charts");
  section(root, "Marginal posteriors", "Each factor's posterior (blue, by weight) against the draws from its prior (grey): the share of the weight in each bin of the prior's range.", marginals);
  const pairs = element("div", "charts pairs");
  const charts = drawCards(
    marginals,
    data.factors.map((f, k) => ({ id: `marginal-${k}`, title: f.key, caption: priorText(f), drawn: marginalOption(data, k) })),
  );
  if (data.factors.length > 1) {
    section(root, "Pairwise posteriors", "Particles of the last generation (blue, each as large as its weight) over the prior draws (grey): a ridge or a tilt shows factors the targets trade against each other.", pairs);
    const pairCards: Card[] = [];
    for (let a = 0; a < data.factors.length; ++a)
      for (let b = a + 1; b < data.factors.length; ++b) {
        const fa = data.factors[a] as Factor;
        const fb = data.factors[b] as Factor;
        pairCards.push({ id: `pair-${a}-${b}`, title: `${shortKey(fa.key)} × ${shortKey(fb.key)}`, caption: `${fa.key} against ${fb.key}`, drawn: pairOption(data, a, b) });
      }
    charts.push(...drawCards(pairs, pairCards));
  }
  const predictive = element("div", "charts");
  section(root, "Posterior predictive checks", "Every target's simulated mean in each particle of the last generation, in units of the target's scale away from its observation (0). A target whose 5-95% range misses the observation is one the model cannot reach with these factors; a held-out target (weight 0) is a check the fit never saw.", predictive, predictiveTable(data));
  charts.push(...drawCards(predictive, [{ id: "predictive", title: "Targets against their observations", caption: "Dots: particles (darker with weight); I-beam: 5-95%; diamond: median; red: the observation and ±1 scale.", drawn: predictiveOption(data), wide: true }]));
  section(root, "Sensitivity before fitting", "Spearman's rank correlation between each factor and each target over the draws from the prior: a target no factor moves cannot identify any; a factor no target moves stays at its prior.", sensitivityTable(data));
  window.addEventListener("resize", () => charts.forEach((c) => c.resize()));
}
