// A county's population per primary-care physician over the years (Observable Plot): a line through
// the years with a ratio, a dot on each; years without one are left as gaps. The table beside it
// carries every number, the years without a ratio said in words.
import * as Plot from '@observablehq/plot';
import { asImage } from './accessible';

export interface TrendPoint {
  year: number;
  /** People per physician; null: no ratio that year (a gap in the line). */
  value: number | null;
}

const BLUE = '#0b5cad';
const INK = '#1d2733';

export function trendChart(
  points: readonly TrendPoint[],
  options: { title: string; axis: string; width?: number },
): SVGSVGElement | HTMLElement {
  const years = points.map((p) => p.year);
  const shown = points.filter((p) => p.value != null && p.value > 0);
  const chart = Plot.plot({
    width: options.width ?? 420,
    height: 200,
    marginLeft: 56,
    x: { label: null, tickFormat: 'd', ticks: years, domain: [Math.min(...years), Math.max(...years)] },
    y: { label: options.axis, grid: true, zero: true, tickFormat: ',d' },
    marks: [
      Plot.line(points, { x: 'year', y: (d: TrendPoint) => (d.value && d.value > 0 ? d.value : NaN), stroke: BLUE, strokeWidth: 2 }),
      Plot.dot(shown, { x: 'year', y: 'value', fill: BLUE, r: 3 }),
      Plot.ruleY([0], { stroke: INK }),
    ],
  });
  return asImage(chart, options.title);
}
