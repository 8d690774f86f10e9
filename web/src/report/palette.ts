// Colours and dash patterns. One run: a colour per series. Several runs: a colour per run (a
// scenario keeps its colour in every chart) and a dash pattern per series.

const colours = ["#2f6db5", "#e07b24", "#3a9a5b", "#c23b3b", "#7d58b3", "#8c6d3f", "#d163a8", "#5f6b73"];
const dashes = ["solid", "dashed", "dotted"] as const;

/** How many series a chart of several runs can tell apart by dash pattern. */
export const dashPatterns = dashes.length;

/** The colour of the `index`-th line of a one-run chart, or of the `index`-th run. */
export function colourOf(index: number): string {
  return colours[index % colours.length] as string;
}

/** The dash pattern of the `index`-th series of a chart of several runs. */
export function dashOf(index: number): (typeof dashes)[number] {
  return dashes[index % dashes.length] as (typeof dashes)[number];
}
