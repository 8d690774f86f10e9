// The document `liangzhu report --calibration` embeds in the page (docs/report.md, "A
// calibration"): a Bayesian calibration's generations with every particle, each factor's prior
// and posterior summary, and each target's observation with its posterior predictive range.

export interface Prior {
  shape: "uniform" | "log-uniform" | "normal";
  low: number | null;
  high: number | null;
  mean?: number;
  sd?: number;
}

/** A calibrated factor: its prior and its posterior in the last generation (by weight). */
export interface Factor {
  key: string;
  prior: Prior;
  mean: number;
  sd: number;
  q05: number;
  q50: number;
  q95: number;
  /** Posterior sd over the prior draws' sd. */
  width_ratio: number;
  identification: string;
}

/** A target: its observation and the last generation's simulated means (5/50/95%). */
export interface Target {
  name: string;
  output: string;
  date: string | null;
  observed: number;
  scale: number;
  weight: number;
  q05: number | null;
  q50: number | null;
  q95: number | null;
  inside: boolean;
  /** Rank correlation with each factor over generation 0, in factor order. */
  sensitivity: (number | null)[];
}

export interface Particle {
  weight: number;
  distance: number | null;
  /** One value per factor. */
  values: number[];
  /** One simulated mean per target (null when a run gave no number). */
  simulated: (number | null)[];
}

export interface Generation {
  index: number;
  /** null for generation 0 (every draw from the prior is kept). */
  tolerance: number | null;
  simulations: number;
  acceptance: number;
  ess: number;
  particles: Particle[];
}

export interface CalibrationData {
  format: "liangzhu-calibration";
  version: 1;
  title: string;
  generated_by?: string;
  calibration: {
    id: number;
    name: string;
    experiment: string;
    scenario: string;
    replicates: number;
    particles: number;
    max_generations: number;
    status: string;
    stop_reason: string;
    created_at: string;
    ended_at: string;
  };
  factors: Factor[];
  targets: Target[];
  generations: Generation[];
}

/** A document that does not have the shape above: the message says where. */
export class CalibrationDataError extends Error {}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new CalibrationDataError(message);
}

function checkGeneration(g: Generation, factors: number, targets: number): void {
  const where = `generation ${String(g.index)}`;
  check(Array.isArray(g.particles) && g.particles.length > 0, `${where}: no particles`);
  g.particles.forEach((p, i) => {
    check(Array.isArray(p.values) && p.values.length === factors, `${where}, particle ${i}: not one value per factor`);
    check(Array.isArray(p.simulated) && p.simulated.length === targets, `${where}, particle ${i}: not one simulated value per target`);
  });
}

/** Checks a parsed document; throws CalibrationDataError saying what is wrong. */
export function checkCalibrationData(data: CalibrationData): CalibrationData {
  check(data.version === 1, `calibration data version ${String(data.version)} is not supported (1 is)`);
  check(Array.isArray(data.factors) && data.factors.length > 0, "the calibration has no factors");
  check(Array.isArray(data.targets) && data.targets.length > 0, "the calibration has no targets");
  check(Array.isArray(data.generations) && data.generations.length > 0, "the calibration has no generations");
  data.targets.forEach((t) =>
    check(Array.isArray(t.sensitivity) && t.sensitivity.length === data.factors.length, `target ${t.name}: not one sensitivity per factor`));
  data.generations.forEach((g) => checkGeneration(g, data.factors.length, data.targets.length));
  return data;
}

/** The last part of a dotted key: "ideas_per_year" for "hub.liangzhu.founding.ideas_per_year". */
export function shortKey(key: string): string {
  return key.slice(key.lastIndexOf(".") + 1);
}
