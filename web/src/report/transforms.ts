// What a chart may do to a weekly series before drawing it: weekly flows are noisy, so they are
// shown as running totals or as 13-week (quarterly) moving averages.

/** How a series is drawn: as stored, summed from the start, or averaged over 13 weeks. */
export type Transform = "none" | "cumulative" | "quarterly_average";

/** The running total; a missing value adds nothing but stays missing where it is. */
export function cumulative(values: (number | null)[]): (number | null)[] {
  let total = 0;
  return values.map((v) => {
    if (v === null) return null;
    total += v;
    return total;
  });
}

/** The mean of the last `window` values present (fewer at the start); null if none is. */
export function movingAverage(values: (number | null)[], window: number): (number | null)[] {
  return values.map((_, i) => {
    const recent = values.slice(Math.max(0, i - window + 1), i + 1).filter((v) => v !== null);
    return recent.length === 0 ? null : recent.reduce((a, b) => a + b, 0) / recent.length;
  });
}

/** `values` transformed as `transform` says. Linear, so it applies to means and band bounds alike. */
export function applyTransform(values: (number | null)[], transform: Transform): (number | null)[] {
  switch (transform) {
    case "none":
      return values;
    case "cumulative":
      return cumulative(values);
    case "quarterly_average":
      return movingAverage(values, 13);
  }
}
