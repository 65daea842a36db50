// The report's map: the screen's choropleth and legend for the same spec, drawn off-screen and
// serialised (runs in the browser: the chart functions need a DOM).
import { choropleth } from '../../charts/choropleth';
import { colorLegend } from '../../charts/legend';
import { toMarkup } from '../../charts/serialize';
import type { MapSpec } from '../map/map-spec';

export function mapFigure(spec: MapSpec): { svg: string; legend: string } {
  return {
    svg: toMarkup(choropleth(spec)),
    legend: toMarkup(colorLegend(spec.scale, spec.legend.label, spec.legend.format, spec.legend), { inner: true }),
  };
}
