// Choropleth of US counties or states: a pure function from shapes + values + options to an SVG
// element. Shapes are pre-projected (Albers USA), so paths are computed once per shape and reused.
import { geoPath, namespaces, scaleQuantile, scaleThreshold, schemeBlues, schemeYlOrRd } from 'd3';
import type { Shape } from '../data/geo';

const SVG_NS = namespaces.svg;
/** An SVG element of the given tag (d3's namespace constant keeps the namespace URL in one place). */
export const svgEl = <K extends keyof SVGElementTagNameMap>(tag: K): SVGElementTagNameMap[K] =>
  document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
/**
 * No figure: white hatched with grey, not a flat light grey (#e9ecef against the lightest blue
 * #eff3ff had a contrast of 1.07). The pattern is defined in each map's own <defs>; the legend's
 * swatch draws the same hatch in CSS.
 */
export const NO_DATA_PATTERN_ID = 'atlas-no-data';
export const NO_DATA_FILL = `url(#${NO_DATA_PATTERN_ID})`;
const HATCH_LINE = '#6c757d';
export const NO_DATA_SWATCH = `repeating-linear-gradient(45deg, #fff 0 2px, ${HATCH_LINE} 2px 3.5px)`;

/** The hatch of areas without a figure, in the map's own <defs>. */
function noDataPattern(): SVGDefsElement {
  const defs = svgEl('defs');
  const pattern = svgEl('pattern');
  for (const [k, v] of Object.entries({
    id: NO_DATA_PATTERN_ID,
    width: '4',
    height: '4',
    patternUnits: 'userSpaceOnUse',
    patternTransform: 'rotate(45)',
  }))
    pattern.setAttribute(k, v);
  const bg = svgEl('rect');
  for (const [k, v] of Object.entries({ width: '4', height: '4', fill: '#fff' })) bg.setAttribute(k, v);
  const line = svgEl('line');
  for (const [k, v] of Object.entries({ x1: '0', y1: '0', x2: '0', y2: '4', stroke: HATCH_LINE, 'stroke-width': '1.5' }))
    line.setAttribute(k, v);
  pattern.append(bg, line);
  defs.appendChild(pattern);
  return defs;
}
/** Areas around a filtered view, drawn for context: a plain pale grey, unlike the hatch of no figure. */
export const OUTSIDE_VIEW_FILL = '#f1f3f5';
/** The class beyond the darkest of the need ramp (people but no provider counted): darker still, and named in the legend. */
export const BEYOND_FILL = '#4a0012';

/** 'need': high values mean need (warm); 'supply' and 'neutral': a single-hue blue ramp. */
export type Scheme = 'need' | 'supply' | 'neutral';

export interface ColorScale {
  color: (v: number | null | undefined) => string;
  /** Upper bounds of each class but the last. */
  thresholds: number[];
  colors: string[];
  /** The lowest and highest finite value coloured; absent when there is none. */
  extent?: [number, number];
  /** A class beyond the last (an unbounded figure, drawn for the value Infinity), with what it means in the legend. */
  beyond?: { color: string; label: string };
}

/**
 * Quantile classes (7) over the values shown: shortage figures are very skewed, so equal-width
 * classes would paint almost every area the same. ColorBrewer sequential schemes (single-hue
 * lightness ramps) stay readable with colour-vision deficiencies. A class bound is kept only once
 * and only above the lowest value: a bound equal to it (many zeros) would open the legend on an
 * empty class, "under 0.0". Fewer classes take the darkest end of the ramp; the colour drawn and the
 * legend's swatches are the same list.
 */
export function colorScale(values: number[], scheme: Scheme, beyond?: string): ColorScale {
  const finite = values.filter((v) => Number.isFinite(v));
  const palette = (scheme === 'need' ? schemeYlOrRd : schemeBlues)[7] as string[];
  const min = finite.reduce((m, v) => Math.min(m, v), Infinity);
  const quantiles = scaleQuantile<string>().domain(finite).range(palette).quantiles();
  const thresholds = [...new Set(quantiles)].filter((t) => t > min);
  const colors = palette.slice(palette.length - (thresholds.length + 1));
  const q = scaleThreshold<number, string>().domain(thresholds).range(colors);
  return {
    color: (v) => (beyond && v === Infinity ? BEYOND_FILL : v == null || !Number.isFinite(v) ? NO_DATA_FILL : q(v)),
    thresholds,
    colors,
    ...(finite.length ? { extent: [min, finite.reduce((m, v) => Math.max(m, v), -Infinity)] as [number, number] } : {}),
    ...(beyond ? { beyond: { color: BEYOND_FILL, label: beyond } } : {}),
  };
}

const pathCache = new WeakMap<Shape, string>();
const path = geoPath();
function d(shape: Shape): string {
  let s = pathCache.get(shape);
  if (s === undefined) pathCache.set(shape, (s = path(shape.geometry) ?? ''));
  return s;
}

export interface ChoroplethOptions {
  shapes: Shape[];
  borders?: GeoJSON.MultiLineString;
  values: Map<string, number | null>;
  scale: ColorScale;
  width: number;
  height: number;
  /** Accessible name of the map. */
  title: string;
  /** Tooltip text per shape. */
  tooltip: (shape: Shape, value: number | null | undefined) => string;
  selected?: string;
  /** Ids drawn with a heavy outline (e.g. a service area). */
  outlined?: Set<string>;
  /** Zoom to these shapes (e.g. the filtered region); the whole country when absent or empty. */
  zoomTo?: string[];
  /** Frames around insets (Puerto Rico), so they do not read as part of the mainland. */
  insets?: [[number, number], [number, number]][];
}

export function choropleth(o: ChoroplethOptions): SVGSVGElement {
  const svg = svgEl('svg');
  svg.setAttribute('viewBox', `0 0 ${o.width} ${o.height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', o.title);
  svg.classList.add('choropleth');
  svg.appendChild(noDataPattern());
  const g = svgEl('g');
  g.setAttribute('class', 'shapes');
  for (const shape of o.shapes) {
    const p = svgEl('path');
    p.setAttribute('d', d(shape));
    p.setAttribute('data-geo', shape.id);
    g.appendChild(p);
  }
  svg.appendChild(g);
  if (o.borders) {
    const b = svgEl('path');
    b.setAttribute('d', path(o.borders) ?? '');
    b.setAttribute('class', 'borders');
    b.setAttribute('fill', 'none');
    b.setAttribute('stroke', '#fff');
    b.setAttribute('stroke-width', '1.2');
    b.setAttribute('pointer-events', 'none');
    svg.appendChild(b);
  }
  for (const [[x0, y0], [x1, y1]] of o.insets ?? []) {
    const r = svgEl('rect');
    const pad = 6;
    for (const [k, v] of Object.entries({ x: x0 - pad, y: y0 - pad, width: x1 - x0 + 2 * pad, height: y1 - y0 + 2 * pad }))
      r.setAttribute(k, String(v));
    r.setAttribute('class', 'inset-frame');
    r.setAttribute('fill', 'none');
    r.setAttribute('stroke', '#9aa5b1');
    r.setAttribute('pointer-events', 'none');
    svg.appendChild(r);
  }
  const overlay = svgEl('g');
  overlay.setAttribute('class', 'overlay');
  overlay.setAttribute('pointer-events', 'none');
  svg.appendChild(overlay);
  recolor(svg, o);
  return svg;
}

/** Updates fills, tooltips and outlines in place: a filter change repaints without rebuilding 3,000 paths. */
export function recolor(
  svg: SVGSVGElement,
  o: Pick<ChoroplethOptions, 'shapes' | 'values' | 'scale' | 'tooltip' | 'selected' | 'outlined' | 'title' | 'zoomTo' | 'width' | 'height'>,
): void {
  svg.setAttribute('aria-label', o.title);
  svg.setAttribute('viewBox', viewBoxFor(o));
  const paths = svg.querySelectorAll<SVGPathElement>('g.shapes > path');
  // Zoomed to the filtered areas: the others are context, not areas without a figure (no hatch).
  const inView = o.zoomTo?.length ? new Set(o.zoomTo) : null;
  o.shapes.forEach((shape, i) => {
    const p = paths[i];
    const v = o.values.get(shape.id);
    p.setAttribute('fill', inView && !inView.has(shape.id) ? OUTSIDE_VIEW_FILL : o.scale.color(v));
    p.setAttribute('data-value', v == null ? '' : String(v));
    let t = p.firstChild as SVGTitleElement | null;
    if (!t) p.appendChild((t = svgEl('title')));
    t.textContent = o.tooltip(shape, v);
  });
  const overlay = svg.querySelector('g.overlay')!;
  overlay.replaceChildren();
  const outline = (id: string, cls: string) => {
    const shape = o.shapes.find((s) => s.id === id);
    if (!shape) return;
    const p = svgEl('path');
    p.setAttribute('d', d(shape));
    p.setAttribute('class', cls);
    overlay.appendChild(p);
  };
  o.outlined?.forEach((id) => outline(id, 'outlined'));
  if (o.selected) outline(o.selected, 'selected');
}

/** A viewBox around the zoomed shapes, padded and kept at the map's aspect ratio. */
function viewBoxFor(o: Pick<ChoroplethOptions, 'shapes' | 'zoomTo' | 'width' | 'height'>): string {
  const ids = new Set(o.zoomTo ?? []);
  const chosen = o.shapes.filter((s) => ids.has(s.id));
  if (!chosen.length) return `0 0 ${o.width} ${o.height}`;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const s of chosen) {
    const [[a, b], [c, e]] = path.bounds(s.geometry);
    [x0, y0, x1, y1] = [Math.min(x0, a), Math.min(y0, b), Math.max(x1, c), Math.max(y1, e)];
  }
  const pad = 0.08 * Math.max(x1 - x0, y1 - y0);
  let [w, h] = [x1 - x0 + 2 * pad, y1 - y0 + 2 * pad];
  const aspect = o.width / o.height;
  if (w / h < aspect) w = h * aspect;
  else h = w / aspect;
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  return `${(cx - w / 2).toFixed(1)} ${(cy - h / 2).toFixed(1)} ${w.toFixed(1)} ${h.toFixed(1)}`;
}
