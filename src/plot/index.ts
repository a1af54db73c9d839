export {
  axisTitle,
  chart,
  CHART_DEFAULTS,
  isPlottable,
  PANEL_DEFAULTS,
  SERIES_DEFAULTS,
  tryChart,
  type Band,
  type BandOptions,
  type Chart,
  type ChartOptions,
  type Dash,
  type Panel,
  type PanelOptions,
  type Series,
  type SeriesOptions,
  type YScale,
} from "./chart.js";
export {
  chartFromSimulation,
  FROM_SIMULATION_DEFAULTS,
  type FromSimulationOptions,
} from "./fromSimulation.js";
export { PLOT_FONT_FAMILY, PLOT_FONT_STACK, textWidthPx, type FontWeight } from "./font.js";
export {
  layoutChart,
  RENDER_DEFAULTS,
  type ChartLayout,
  type LegendItem,
  type PanelLayout,
  type Rect,
  type RenderOptions,
  type TextBox,
  type Tick,
} from "./layout.js";
export { renderSvg } from "./svg.js";
export {
  fitDomain,
  formatTick,
  linearTicks,
  logTicks,
  scale,
  type Scale,
  type Ticks,
} from "./ticks.js";
export { comparisonChart } from "./comparisonChart.js";
