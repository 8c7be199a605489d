import { BarChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * ECharts as the dashboard uses it: bar charts with their grid, tooltip, legend, the target's mark
 * line, titles and aria descriptions, drawn as SVG (sharp at any zoom, text selectable in print).
 * Registering only these keeps the rest of ECharts out of the bundle; this module is imported
 * when the first chart renders (see analytics.routes.ts), so not even these reach the initial bundle.
 */
use([
  BarChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  AriaComponent,
  SVGRenderer,
]);

/** What ngx-echarts calls on the module it is given. */
export { init };
