// The live charts: the report's charts (same specs, same options), redrawn from the run as it
// grows. Each box says how many values it drew (data-points), as in the report.
import { chartSpecs } from "../report/charts";
import type { RunData } from "../report/data";
import { chartOption } from "../report/draw";
import { echarts } from "../report/echarts_setup";
import { chartCard, element } from "../report/page";

/** A live run is one run: no differences between scenarios, no replicates to spread. */
const liveSpecs = chartSpecs.filter((spec) => spec.kind === "time" || spec.kind === "figures");

interface Box {
  box: HTMLElement;
  chart: ReturnType<typeof echarts.init>;
}

export class ChartsPanel {
  readonly root = element("div", "charts");
  private readonly boxes: Box[];
  private sized = false;

  constructor() {
    this.boxes = liveSpecs.map((spec) => {
      const { card, box } = chartCard(spec);
      this.root.append(card);
      return { box, chart: echarts.init(box, undefined, { renderer: "svg" }) };
    });
    window.addEventListener("resize", () => this.boxes.forEach((b) => b.chart.resize()));
  }

  /** Draws `run`'s hub `hub` (its first when empty). */
  draw(run: RunData, hub = ""): void {
    const shown = hub || run.hubs[0]?.name || "";
    liveSpecs.forEach((spec, i) => {
      const { box, chart } = this.boxes[i] as Box;
      const { option, points, height } = chartOption(spec, [run], shown);
      if (!this.sized) {
        box.style.height = `${height}px`;
        chart.resize();
      }
      chart.setOption(option, { notMerge: true, lazyUpdate: true });
      box.dataset.points = String(points);
    });
    this.sized = true;
  }
}
