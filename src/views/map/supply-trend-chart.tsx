// The county trend's chart, on its own so the map screen loads Observable Plot only when a county's
// details open (Plot is not part of the first screen's JavaScript).
import { trendChart, type TrendPoint } from '../../charts/trend';
import { PlotHost } from '../plot-host';

export default function SupplyTrendChart({ points, title, deps }: { points: TrendPoint[]; title: string; deps: unknown[] }) {
  return <PlotHost make={() => trendChart(points, { title, axis: 'People per physician' })} deps={deps} />;
}
