// Colours and dash patterns: a line keeps its colour across runs, a run keeps its dash pattern
// across charts, so several runs side by side stay readable.

const colours = ["#2f6db5", "#e07b24", "#3a9a5b", "#c23b3b", "#7d58b3", "#8c6d3f", "#d163a8", "#5f6b73"];
const dashes = ["solid", "dashed", "dotted"] as const;

/** The colour of the `index`-th line of a chart (or of the `index`-th run in bar charts). */
export function colourOf(index: number): string {
  return colours[index % colours.length] as string;
}

/** The dash pattern of the `index`-th run of the report. */
export function dashOf(index: number): (typeof dashes)[number] {
  return dashes[index % dashes.length] as (typeof dashes)[number];
}
