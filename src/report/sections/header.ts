// The report's first lines: title, when it was made, a warning when sample data is in it, and
// the handful of figures a board reads first.
import { METRICS } from '../../model/map-view';
import { areaColumns } from '../../app/map/area-columns';
import { countOf, formatNumber } from '../../model/format';
import { html, type Html } from '../html';
import { isUnavailable, type ReportInput } from '../../app/report/report-input';
import { isSampleCandidate } from '../../model/pipeline';

function generatedText(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('en-US', { dateStyle: 'long', timeStyle: 'short' });
}

function keyFigures(input: ReportInput): [string, string][] {
  const figures: [string, string][] = [];
  if (!isUnavailable(input.map)) {
    const { view, main, companion, vintage } = input.map;
    const rows = input.map.rows.filter((r) => r.value != null);
    const areas = view.level === 'county' ? 'counties' : 'states';
    const supply = METRICS[view.metric].scheme === 'supply';
    const top = [...rows].sort((a, b) => (supply ? 1 : -1) * ((a.value ?? 0) - (b.value ?? 0)))[0];
    const [value] = areaColumns(view, main, companion);
    figures.push([
      input.map.heading,
      top
        ? `${formatNumber(rows.length)} ${areas} with a value; ${supply ? 'lowest' : 'highest'}: ${top.name} (${formatNumber(top.value, value.digits)}) — ${vintage}`
        : `no ${areas} with a value in this view (${vintage})`,
    ]);
  }
  const hires = input.targets.reduce((sum, t) => sum + t.hires, 0);
  const due = input.targets.map((t) => t.dueQuarter).sort();
  figures.push([
    'Recruitment targets',
    input.targets.length
      ? `${countOf(input.targets.length, 'target')}, ${countOf(hires, 'hire')}, due ${due[0]}${due.length > 1 && due.at(-1) !== due[0] ? ` to ${due.at(-1)}` : ''}`
      : 'none set',
  ]);
  const active = input.candidates.filter((c) => c.stage !== 'arrived' && c.stage !== 'withdrawn').length;
  const arrived = input.candidates.filter((c) => c.stage === 'arrived').length;
  figures.push([
    'Pipeline',
    input.candidates.length
      ? `${countOf(input.candidates.length, 'candidate')}: ${formatNumber(active)} in progress, ${arrived} arrived`
      : 'no candidates loaded',
  ]);
  if (!isUnavailable(input.forecast)) {
    const { targets, targetProbability } = input.forecast.result;
    const onTrack = targets.filter((t) => t.probabilityMet >= targetProbability).length;
    figures.push([
      'Forecast',
      `${onTrack} of ${countOf(targets.length, 'target')} on track (at least ${Math.round(targetProbability * 100)}% likely to be met)`,
    ]);
  }
  return figures;
}

export function headerSection(input: ReportInput): Html {
  const samples = input.datasets.filter((d) => d.sample && !d.replacedBy).map((d) => d.title);
  const sampleCandidates = input.candidates.filter(isSampleCandidate).length;
  if (sampleCandidates) samples.push(countOf(sampleCandidates, 'pipeline candidate'));
  return html`<header class="report-header">
<p class="kicker">Shortage Atlas</p>
<h1>${input.title}</h1>
<p class="generated">Generated <time datetime="${input.generatedAt}">${generatedText(input.generatedAt)}</time>. A snapshot: figures are as loaded in the app at that moment.</p>
${samples.length > 0 && html`<p class="warning"><strong>Contains sample data.</strong> ${samples.join('; ')}: generated for demonstration, not real figures or people.</p>`}
<dl class="key-figures">${keyFigures(input).map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>
</header>`;
}
