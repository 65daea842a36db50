// A candidate's arrival range in a line of the candidate list: a bar from the 10th to the 90th
// percentile month on an axis shared by every line (the forecast's horizon), the median marked. A
// percentile later than the horizon runs the bar to the end, faded. Decorative: the line states the
// months in words beside it, so the bar is hidden from screen readers.
const SVG = 'http://www.w3.org/2000/svg';
const INK = '#1d2733';
const BLUE = '#0b5cad';

export interface ArrivalRange {
  /** First day of the month; null: later than the horizon (or never). */
  p10: Date | null;
  p50: Date | null;
  p90: Date | null;
}

function element(name: string, attributes: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, String(v));
  return el;
}

export function rangeBar(range: ArrivalRange, options: { domain: [Date, Date]; width?: number; height?: number }): SVGSVGElement {
  const width = options.width ?? 120;
  const height = options.height ?? 14;
  const [start, end] = options.domain.map((d) => d.getTime());
  const x = (d: Date | null) => (d === null ? width : Math.max(0, Math.min(width, ((d.getTime() - start) / (end - start || 1)) * width)));
  const svg = element('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'aria-hidden': 'true',
    class: 'range-bar',
  }) as SVGSVGElement;
  svg.append(element('line', { x1: 0, x2: width, y1: height / 2, y2: height / 2, stroke: '#c9d1db' }));
  if (range.p10 !== null) {
    const x1 = x(range.p10);
    const x2 = Math.max(x1 + 2, x(range.p90));
    svg.append(
      element('rect', { x: x1, y: 3, width: x2 - x1, height: height - 6, fill: BLUE, 'fill-opacity': range.p90 === null ? 0.35 : 0.7 }),
    );
    if (range.p50 !== null) svg.append(element('rect', { x: x(range.p50) - 1, y: 1, width: 2.5, height: height - 2, fill: INK }));
  }
  return svg;
}
