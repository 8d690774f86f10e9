import { describe, expect, it } from "vitest";

import { checkCalibrationData, CalibrationDataError, type CalibrationData, type Particle } from "../src/report/calibration_data";
import { binEdges, formatFactor, marginalOption, pairOption, predictiveOption, standardised, weightedHistogram } from "../src/report/posterior_plots";

function particle(values: number[], weight: number, simulated: (number | null)[]): Particle {
  return { weight, distance: 1, values, simulated };
}

/** Two factors (one log-uniform), two targets; generation 0 spread evenly, generation 1 narrow. */
function calibration(): CalibrationData {
  const prior = [1, 2, 3, 4].map((i) => particle([i * 2, 10 ** (-5 + i)], 0.25, [i * 10, i]));
  const last = [particle([4, 1e-3], 0.5, [40, 2]), particle([5, 1e-2], 0.3, [50, 3]), particle([6, 1e-2], 0.2, [60, null])];
  return {
    format: "liangzhu-calibration",
    version: 1,
    title: "Calibration 1: test",
    calibration: { id: 1, name: "test", experiment: "e.toml", scenario: "s", replicates: 2, particles: 4, max_generations: 2, status: "complete", stop_reason: "2 generations", created_at: "", ended_at: "" },
    factors: [
      { key: "a.b.engineers", prior: { shape: "uniform", low: 0, high: 10 }, mean: 4.7, sd: 0.8, q05: 4, q50: 4, q95: 6, width_ratio: 0.3, identification: "identified" },
      { key: "a.ideas", prior: { shape: "log-uniform", low: 1e-4, high: 1 }, mean: 5e-3, sd: 4e-3, q05: 1e-3, q50: 1e-3, q95: 1e-2, width_ratio: 0.9, identification: "not identified" },
    ],
    targets: [
      { name: "startups", output: "startups", date: null, observed: 50, scale: 10, weight: 1, q05: 40, q50: 40, q95: 60, inside: true, sensitivity: [0.9, 0.1] },
      { name: "tigers@2024-12-31", output: "tigers", date: "2024-12-31", observed: 6, scale: 2, weight: 0, q05: 2, q50: 2, q95: 3, inside: false, sensitivity: [null, 0.5] },
    ],
    generations: [
      { index: 0, tolerance: null, simulations: 4, acceptance: 1, ess: 4, particles: prior },
      { index: 1, tolerance: 2, simulations: 9, acceptance: 0.33, ess: 2.6, particles: last },
    ],
  };
}

describe("posterior plots", () => {
  it("bin a factor evenly, in log space for a log-uniform prior", () => {
    expect(binEdges(0, 10, 5, false)).toEqual([0, 2, 4, 6, 8, 10]);
    const edges = binEdges(1e-4, 1, 4, true);
    expect(edges.map((e) => Math.log10(e))).toEqual([-4, -3, -2, -1, 0].map((x) => expect.closeTo(x, 10)));
  });

  it("share the weight among the bins, values beyond the edges in the end bins", () => {
    const shares = weightedHistogram([1, 3, 3, 12, -1], [1, 1, 2, 1, 1], [0, 2, 4, 6]);
    expect(shares).toEqual([expect.closeTo(2 / 6, 12), expect.closeTo(3 / 6, 12), expect.closeTo(1 / 6, 12)]);
    expect(weightedHistogram([1], [0], [0, 2])).toEqual([0]);
  });

  it("draw each marginal as the prior draws against the posterior by weight", () => {
    const { option, points } = marginalOption(calibration(), 0, 5);
    expect(points).toBe(7);
    const series = option.series as { name: string; data: number[] }[];
    expect(series.map((s) => s.name)).toEqual(["prior draws", "posterior (generation 1)"]);
    // Prior draws 2, 4, 6, 8 over bins of 2: one in each of bins 1-4.
    expect(series[0]?.data).toEqual([0, 25, 25, 25, 25]);
    // Posterior: 4 (0.5) in bin 2; 5 (0.3) in bin 2; 6 (0.2) in bin 3.
    expect(series[1]?.data).toEqual([0, 0, 80, 20, 0]);
  });

  it("draw a pair on the factors' scales, log for a log-uniform prior", () => {
    const { option, points } = pairOption(calibration(), 0, 1);
    expect(points).toBe(7);
    expect((option.xAxis as { type: string }).type).toBe("value");
    expect((option.yAxis as { type: string; min: number }).type).toBe("log");
    expect((option.yAxis as { min: number }).min).toBe(1e-4);
  });

  it("put every target on one axis in units of its scale, leaving out runs without a number", () => {
    expect(standardised(60, 50, 10)).toBe(1);
    const { option, points } = predictiveOption(calibration());
    expect(points).toBe(5);
    const dots = (option.series as { data: { value: number[] }[] }[])[0]?.data ?? [];
    expect(dots.map((d) => d.value)).toEqual([[0, -1], [0, 0], [0, 1], [1, -2], [1, -1.5]]);
  });

  it("write factor values as people do", () => {
    expect(formatFactor(0.000195)).toBe("1.95e-4");
    expect(formatFactor(5.69e6)).toBe("5.69 m");
    expect(formatFactor(0.816)).toBe("0.816");
    expect(formatFactor(3000)).toBe("3000");
    expect(formatFactor(null)).toBe("–");
  });

  it("refuse a document whose particles do not fit its factors and targets", () => {
    expect(checkCalibrationData(calibration()).factors.length).toBe(2);
    const bad = calibration();
    bad.generations[1]?.particles.push(particle([1], 0.1, [1, 2]));
    expect(() => checkCalibrationData(bad)).toThrow(CalibrationDataError);
    expect(() => checkCalibrationData(bad)).toThrow(/generation 1, particle 3: not one value per factor/);
    expect(() => checkCalibrationData({ ...calibration(), version: 2 as 1 })).toThrow(/version 2/);
  });
});
