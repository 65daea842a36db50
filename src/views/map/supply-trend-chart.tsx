// The county trend's chart, on its own so the map screen loads Observable Plot only when a county's
// details open (Plot is not part of the first screen's JavaScript).
import { trendChart, type TrendPoint } from '../../charts/trend';
import { FittedPlot } from '../plot-host';

export default function SupplyTrendChart({ points, title, deps }: { points: TrendPoint[]; title: string; deps: unknown[] }) {
  return <FittedPlot make={(width) => trendChart(points, { title, axis: 'People per physician', width })} deps={deps} maxWidth={420} />;
}
