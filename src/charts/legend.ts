// Legend for a choropleth's colour classes, drawn by Observable Plot.
import * as Plot from '@observablehq/plot';
import type { ColorScale } from './choropleth';
import { NO_DATA_FILL } from './choropleth';

export interface LegendText {
  /** The figures' source and date, shown under the classes. */
  vintage?: string;
  /** What a grey area means, e.g. "not in this table (partial: 28 of 51 states)". */
  noData?: string;
}

export function colorLegend(
  scale: ColorScale,
  label: string,
  format: (v: number) => string,
  { vintage, noData = 'no value in the loaded data' }: LegendText = {},
): HTMLElement | SVGSVGElement {
  const wrap = document.createElement('div');
  wrap.className = 'legend';
  if (scale.thresholds.length) {
    wrap.appendChild(
      Plot.legend({
        color: { type: 'threshold', domain: scale.thresholds, range: scale.colors, label },
        tickFormat: format,
        width: 360,
        style: { fontSize: '12px', color: '#1d2733' },
      }) as HTMLElement,
    );
  } else {
    const p = document.createElement('p');
    p.textContent = `${label}: no values to show`;
    wrap.appendChild(p);
  }
  if (vintage) {
    const v = document.createElement('p');
    v.className = 'legend-vintage';
    v.textContent = vintage;
    wrap.appendChild(v);
  }
  const nd = document.createElement('p');
  nd.className = 'legend-nodata';
  const swatch = document.createElement('span');
  swatch.className = 'swatch';
  swatch.style.background = NO_DATA_FILL;
  nd.append(swatch, ` ${noData}`);
  wrap.appendChild(nd);
  return wrap;
}
