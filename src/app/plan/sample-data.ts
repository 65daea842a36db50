// "Try it with sample data": a sample service area, targets and diversity targets that fit the
// generated sample pipeline, so every screen shows a full answer on first use; and removing every
// sample item again without touching the user's own. Sample items are recognised by their id, as
// the sample candidates are (SAMPLE-…), so the mark survives saving, export and import unchanged.
// Light on purpose (the plan strip on the first screen reads it): the sample pipeline is read by
// sample-pipeline.ts, loaded on the click.
import { isSampleCandidate } from '../../model/pipeline/sample';
import { addQuarters, quarterOf } from '../../model/calendar';
import type { Candidate, DiversityTarget, RegionRef, ServiceArea, Target } from '../../model/types';
import type { Workspace } from '../../model/workspace';

/** Ids of sample service areas, targets and diversity targets start with this. */
export const SAMPLE_ID_PREFIX = 'sample-';

export const isSampleItem = (item: { id: string }): boolean => item.id.startsWith(SAMPLE_ID_PREFIX);

/** The San Joaquin Valley's eight counties (Census county FIPS), where most sample candidates' sites are. */
export const SAMPLE_SERVICE_AREA: ServiceArea = {
  id: `${SAMPLE_ID_PREFIX}area-1`,
  name: 'San Joaquin Valley (sample)',
  counties: ['06019', '06029', '06031', '06039', '06047', '06077', '06099', '06107'],
  states: [],
};

/** The sample targets, due a number of quarters after today's: they never fall due in the past. */
export function sampleTargets(today: string): Target[] {
  const area: RegionRef = { kind: 'service-area', id: SAMPLE_SERVICE_AREA.id };
  const due = (quarters: number) => addQuarters(quarterOf(today), quarters);
  const sample = { owner: 'Sample', note: 'Sample target: remove it with “Remove sample data”.' };
  const target = (
    n: number,
    fields: Pick<Target, 'profession' | 'specialty' | 'region' | 'hires' | 'priority'>,
    quarters: number,
  ): Target => ({
    id: `${SAMPLE_ID_PREFIX}target-${n}`,
    ...fields,
    dueQuarter: due(quarters),
    ...sample,
  });
  return [
    target(1, { profession: 'physician', specialty: 'primary care', region: area, hires: 6, priority: 'high' }, 8),
    target(2, { profession: 'physician', specialty: 'psychiatry', region: area, hires: 2, priority: 'medium' }, 6),
    target(3, { profession: 'physician', specialty: 'hospitalist', region: area, hires: 2, priority: 'medium' }, 4),
    // The sample's lab scientists work across California, not in the valley.
    target(
      4,
      { profession: 'mls', specialty: 'clinical laboratory', region: { kind: 'state', state: 'CA' }, hires: 3, priority: 'high' },
      6,
    ),
  ];
}

export const SAMPLE_DIVERSITY_TARGETS: DiversityTarget[] = [
  {
    id: `${SAMPLE_ID_PREFIX}diversity-1`,
    targetId: null,
    measure: { kind: 'language-coverage', languages: ['Spanish'], minHiresPerLanguage: 1 },
    note: 'Sample',
  },
  { id: `${SAMPLE_ID_PREFIX}diversity-2`, targetId: null, measure: { kind: 'max-country-share', maxShare: 0.4 }, note: 'Sample' },
];

const withoutSample = <T extends { id: string }>(items: readonly T[]) => items.filter((x) => !isSampleItem(x));

/**
 * The workspace with the sample items added (replacing earlier sample items, so a second click
 * changes nothing). The sample area becomes the active one only when the user has none of their own.
 */
export function addSampleData(ws: Workspace, sampleCandidates: readonly Candidate[], today: string): Workspace {
  const ownAreas = withoutSample(ws.serviceAreas);
  return {
    ...ws,
    serviceAreas: [...ownAreas, SAMPLE_SERVICE_AREA],
    targets: [...withoutSample(ws.targets), ...sampleTargets(today)],
    diversityTargets: [...withoutSample(ws.diversityTargets), ...SAMPLE_DIVERSITY_TARGETS],
    candidates: [...ws.candidates.filter((c) => !isSampleCandidate(c)), ...sampleCandidates],
    view: ownAreas.length ? ws.view : { ...ws.view, activeServiceArea: SAMPLE_SERVICE_AREA.id },
  };
}

export interface SampleRemoval {
  workspace: Workspace;
  /** Sample service areas kept because a target of the user's own names them. */
  kept: ServiceArea[];
}

/** Every sample item removed and nothing else (a sample area a user's target points at stays, and is named). */
export function removeSampleData(ws: Workspace): SampleRemoval {
  const targets = withoutSample(ws.targets);
  const used = new Set(targets.flatMap((t) => (t.region.kind === 'service-area' ? [t.region.id] : [])));
  const kept = ws.serviceAreas.filter((a) => isSampleItem(a) && used.has(a.id));
  const removedTargets = new Set(ws.targets.filter(isSampleItem).map((t) => t.id));
  return {
    workspace: {
      ...ws,
      serviceAreas: ws.serviceAreas.filter((a) => !isSampleItem(a) || used.has(a.id)),
      targets,
      // A diversity target of the user's tied to a removed sample target now applies to the whole workspace.
      diversityTargets: withoutSample(ws.diversityTargets).map((d) =>
        d.targetId !== null && removedTargets.has(d.targetId) ? { ...d, targetId: null } : d,
      ),
      candidates: ws.candidates.filter((c) => !isSampleCandidate(c)),
    },
    kept,
  };
}

/** How many sample items the workspace holds, per kind. */
export function sampleCounts(ws: Workspace) {
  return {
    serviceAreas: ws.serviceAreas.filter(isSampleItem).length,
    targets: ws.targets.filter(isSampleItem).length,
    diversityTargets: ws.diversityTargets.filter(isSampleItem).length,
    candidates: ws.candidates.filter(isSampleCandidate).length,
  };
}

export const hasSampleData = (ws: Workspace): boolean => Object.values(sampleCounts(ws)).some((n) => n > 0);
