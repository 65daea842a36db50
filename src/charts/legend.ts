// Legend for a choropleth's colour classes, drawn by Observable Plot.
import * as Plot from '@observablehq/plot';
import type { ColorScale } from './choropleth';
import { NO_DATA_FILL } from './choropleth';

export function colorLegend(scale: ColorScale, label: string, format: (v: number) => string): HTMLElement | SVGSVGElement {
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
  const nd = document.createElement('p');
  nd.className = 'legend-nodata';
  nd.innerHTML = `<span class="swatch" style="background:${NO_DATA_FILL}"></span> no value in the loaded data`;
  wrap.appendChild(nd);
  return wrap;
}
