// Recruitment targets and diversity targets, each diversity measure with its definition and,
// when a pipeline is loaded, where the pipeline stands on it today.
import { DIVERSITY_MEASURE_DEFINITIONS, measureDiversity, sortTargets } from '../../model/targets';
import type { Candidate, DiversityTarget, ServiceArea, Target } from '../../model/types';
import { MEASURE_LABELS, describeMeasure } from '../../model/targets';
import { html, type Html } from '../html';
import { tableHtml, type ReportTable } from '../report-table';
import { targetLabel } from '../../app/common/labels';
import { TARGET_COLUMNS, targetCells } from '../../app/targets/target-table';
import type { CountyNames } from '../../app/common/county-names';
import type { ReportContext } from '../context';
import type { Citations } from '../citations';

export function targetsTable(targets: Target[], areas: ServiceArea[], names?: CountyNames): ReportTable {
  return {
    id: 'targets',
    title: 'Recruitment targets, by due quarter',
    columns: TARGET_COLUMNS.map((label) => ({ label, ...(label === 'Hires' ? { digits: 0 } : label === 'Due' ? { nowrap: true } : {}) })),
    rows: sortTargets(targets, { by: 'dueQuarter' }).map((t) => targetCells(t, areas, names)),
  };
}

export function diversityTable(
  diversity: DiversityTarget[],
  targets: Target[],
  areas: ServiceArea[],
  candidates: Candidate[],
  names: CountyNames | undefined,
  cite: Citations,
): ReportTable {
  const appliesTo = (d: DiversityTarget) => {
    if (d.targetId === null) return 'All targets';
    const target = targets.find((t) => t.id === d.targetId);
    return target ? targetLabel(target, areas, names) : '(deleted target)';
  };
  return {
    id: 'diversity-targets',
    title: 'Diversity targets and their definitions',
    columns: [
      { label: 'Measure' },
      { label: 'Applies to' },
      { label: 'Target' },
      { label: 'Pipeline today' },
      { label: 'Definition' },
      { label: 'Note' },
    ],
    rows: diversity.map((d) => [
      MEASURE_LABELS[d.measure.kind],
      appliesTo(d),
      describeMeasure(d.measure),
      candidates.length ? cite.text(measureDiversity(d.measure, candidates).summary) : 'no candidates loaded',
      cite.text(DIVERSITY_MEASURE_DEFINITIONS[d.measure.kind]),
      d.note,
    ]),
  };
}

export function targetsSection({ input, names, cite }: ReportContext): Html {
  return html`<section id="targets">
<h2>Recruitment targets</h2>
${input.targets.length ? tableHtml(targetsTable(input.targets, input.serviceAreas, names)) : html`<p class="note">No targets set.</p>`}
<h3>Diversity targets</h3>
${
  input.diversityTargets.length
    ? tableHtml(diversityTable(input.diversityTargets, input.targets, input.serviceAreas, input.candidates, names, cite))
    : html`<p class="note">No diversity targets set.</p>`
}
</section>`;
}
