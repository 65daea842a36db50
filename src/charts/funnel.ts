// Pipeline funnel: candidates by stage, as horizontal bars (Observable Plot).
import * as Plot from '@observablehq/plot';
import { asImage } from './accessible';

export interface StageCount {
  stage: string;
  count: number;
}

export function funnelChart(rows: StageCount[], options: { width?: number; title: string }): SVGSVGElement | HTMLElement {
  const chart = Plot.plot({
    width: options.width ?? 640,
    height: 40 + rows.length * 26,
    marginLeft: 110,
    x: { label: 'Candidates', grid: true, tickFormat: 'd', ticks: Math.min(10, Math.max(1, ...rows.map((r) => r.count))) },
    y: { label: null, domain: rows.map((r) => r.stage) },
    marks: [
      Plot.barX(rows, { x: 'count', y: 'stage', fill: '#0b5cad' }),
      Plot.text(rows, { x: 'count', y: 'stage', text: (d: StageCount) => String(d.count), dx: 4, textAnchor: 'start', fill: '#1d2733' }),
      Plot.ruleX([0]),
    ],
  });
  return asImage(chart, options.title);
}
