// Legend for a choropleth's colour classes: a row of swatches with each class boundary under it
// (the layout of Observable Plot's threshold legend, drawn here so the first screen does not load Plot).
import type { ColorScale } from './choropleth';
import { NO_DATA_SWATCH, svgEl } from './choropleth';

const WIDTH = 360;
const HEIGHT = 46;

/**
 * Each class in words, in the legend's order: "under 2.0", "2.0 to 5.5", …, "40.1 and over"; one
 * class (a single value, or values the classes could not split) is its range: "611", "0.0 to 5.0".
 */
export function legendClasses(scale: Pick<ColorScale, 'thresholds' | 'colors' | 'extent'>, format: (v: number) => string): string[] {
  if (!scale.thresholds.length) {
    if (!scale.extent) return [];
    const [min, max] = scale.extent.map(format);
    return [min === max ? min : `${min} to ${max}`];
  }
  const bounds = scale.thresholds.map(format);
  return scale.colors.map((_, i) =>
    i === 0 ? `under ${bounds[0]}` : i === bounds.length ? `${bounds[i - 1]} and over` : `${bounds[i - 1]} to ${bounds[i]}`,
  );
}

/** The swatch row: one rect per class, the thresholds as ticks and labels between them. */
function swatches(scale: ColorScale, label: string, format: (v: number) => string): SVGSVGElement {
  const svg = svgEl('svg');
  svg.setAttribute('class', 'legend-swatches');
  svg.setAttribute('width', String(WIDTH));
  svg.setAttribute('height', String(HEIGHT));
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('role', 'img');
  const bounds = scale.thresholds.map(format);
  const classes = legendClasses(scale, format);
  svg.setAttribute('aria-label', `${label}: ${classes.join('; ')}`);
  // One class is one swatch of a class's usual width, its range written under it.
  const band = WIDTH / (bounds.length ? scale.colors.length : 7);
  const title = svgEl('text');
  title.setAttribute('x', '0');
  title.setAttribute('y', '11');
  title.setAttribute('font-weight', '600');
  title.textContent = label;
  svg.appendChild(title);
  scale.colors.forEach((color, i) => {
    const r = svgEl('rect');
    r.setAttribute('x', String(i * band));
    r.setAttribute('y', '18');
    r.setAttribute('width', String(band));
    r.setAttribute('height', '10');
    r.setAttribute('fill', color);
    svg.appendChild(r);
  });
  bounds.forEach((text, i) => {
    const x = String((i + 1) * band);
    const tick = svgEl('line');
    for (const [k, v] of [
      ['x1', x],
      ['x2', x],
      ['y1', '18'],
      ['y2', '32'],
      ['stroke', 'currentColor'],
    ])
      tick.setAttribute(k, v);
    const t = svgEl('text');
    for (const [k, v] of [
      ['x', x],
      ['y', '43'],
      ['text-anchor', 'middle'],
    ])
      t.setAttribute(k, v);
    t.textContent = text;
    svg.append(tick, t);
  });
  if (!bounds.length) {
    const t = svgEl('text');
    t.setAttribute('x', '0');
    t.setAttribute('y', '43');
    t.textContent = classes[0];
    svg.appendChild(t);
  }
  return svg;
}

export interface LegendText {
  /** The figures' source and date, shown under the classes. */
  vintage?: string;
  /** What a hatched area (no figure) means, e.g. "not in this table (partial: 28 of 51 states)". */
  noData?: string;
  /** Areas with a figure that the map has no shape for (in the table only). */
  notDrawn?: string;
}

export function colorLegend(
  scale: ColorScale,
  label: string,
  format: (v: number) => string,
  { vintage, noData = 'no value in the loaded data', notDrawn }: LegendText = {},
): HTMLElement | SVGSVGElement {
  const wrap = document.createElement('div');
  wrap.className = 'legend';
  if (scale.thresholds.length || scale.extent) {
    wrap.appendChild(swatches(scale, label, format));
  } else {
    const p = document.createElement('p');
    p.textContent = `${label}: no values to show`;
    wrap.appendChild(p);
  }
  if (scale.beyond) {
    const b = document.createElement('p');
    b.className = 'legend-beyond';
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = scale.beyond.color;
    b.append(swatch, ` ${scale.beyond.label}`);
    wrap.appendChild(b);
  }
  if (vintage) {
    const v = document.createElement('p');
    v.className = 'legend-vintage';
    v.textContent = vintage;
    wrap.appendChild(v);
  }
  if (notDrawn) {
    const n = document.createElement('p');
    n.className = 'legend-not-drawn';
    n.textContent = notDrawn;
    wrap.appendChild(n);
  }
  const nd = document.createElement('p');
  nd.className = 'legend-nodata';
  const swatch = document.createElement('span');
  swatch.className = 'swatch';
  swatch.style.background = NO_DATA_SWATCH;
  nd.append(swatch, ` ${noData}`);
  wrap.appendChild(nd);
  return wrap;
}
