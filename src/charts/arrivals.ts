// Forecast of cumulative arrivals with its 10th–90th percentile band, against a target line; full
// size, or compact for a row of a table.
import * as Plot from '@observablehq/plot';
import { asImage } from './accessible';

export interface ArrivalPoint {
  month: Date;
  mean: number;
  p10: number;
  p90: number;
}

export function arrivalsChart(
  points: ArrivalPoint[],
  options: { target?: number; dueDate?: Date; width?: number; height?: number; title: string; compact?: boolean },
): SVGSVGElement | HTMLElement {
  // Compact: a small chart in a table's row, without axes (the row's cells carry the numbers).
  const compact = options.compact === true;
  const chart = Plot.plot({
    width: options.width ?? 640,
    height: options.height ?? 260,
    ...(compact ? { margin: 4 } : {}),
    y: {
      label: 'Cumulative arrivals',
      grid: !compact,
      axis: compact ? null : undefined,
      domain: [0, Math.max(options.target ?? 0, ...points.map((p) => p.p90)) * 1.1 || 1],
    },
    x: { label: null, type: 'utc', axis: compact ? null : undefined },
    marks: [
      Plot.areaY(points, { x: 'month', y1: 'p10', y2: 'p90', fill: '#0b5cad', fillOpacity: 0.18 }),
      Plot.lineY(points, { x: 'month', y: 'mean', stroke: '#0b5cad', strokeWidth: 2 }),
      ...(options.target != null ? [Plot.ruleY([options.target], { stroke: '#b35806', strokeDasharray: '5,3' })] : []),
      ...(options.dueDate ? [Plot.ruleX([options.dueDate], { stroke: '#55606e', strokeDasharray: '2,3' })] : []),
    ],
  });
  return asImage(chart, options.title);
}
