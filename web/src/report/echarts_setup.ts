// Only the parts of ECharts the report uses, so the inlined bundle stays small. SVG rendering
// keeps the charts sharp when printed and lets the browser test count what was drawn.
import { BarChart, CustomChart, LineChart, ScatterChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, ToolboxComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([LineChart, BarChart, CustomChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, ToolboxComponent, TooltipComponent, SVGRenderer]);

export { echarts };
