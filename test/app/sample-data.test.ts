import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPipelineImport } from '../../src/app/pipeline/import-candidates';
import {
  SAMPLE_SERVICE_AREA,
  addSampleData,
  hasSampleData,
  isSampleItem,
  removeSampleData,
  sampleCounts,
  sampleTargets,
} from '../../src/app/plan/sample-data';
import { matchTargets } from '../../src/model/forecast/target-matching';
import { isSampleCandidate } from '../../src/model/pipeline';
import { regionContainsFor } from '../../src/model/region-contains';
import { activeServiceArea } from '../../src/model/service-areas';
import { quarterOf } from '../../src/model/targets';
import { emptyWorkspace, parseWorkspaceFile, serializeWorkspace, targetSpecialtiesFor, type Workspace } from '../../src/model/workspace';
import { makeCandidate } from '../helpers/candidate';

const today = '2026-11-25';
const sampleCsv = fs.readFileSync(path.resolve(import.meta.dirname, '../../public/datasets/sample/pipeline-sample.csv'), 'utf8');
const sampleCandidates = readPipelineImport(sampleCsv, 'pipeline-sample.csv').imported!;

/** A workspace of the user's own: an area, a target, a diversity target and a candidate. */
const own: Workspace = {
  ...emptyWorkspace(),
  serviceAreas: [{ id: 'area-1', name: 'Our clinics', counties: ['06019'], states: [] }],
  targets: [
    {
      id: 'target-1',
      profession: 'physician',
      specialty: 'psychiatry',
      region: { kind: 'service-area', id: 'area-1' },
      hires: 2,
      dueQuarter: '2028-Q1',
      priority: 'high',
      owner: 'Me',
      note: '',
    },
  ],
  diversityTargets: [{ id: 'diversity-1', targetId: null, measure: { kind: 'img-share', minShare: 0.5 }, note: '' }],
  candidates: [makeCandidate({ id: 'C-1', siteState: 'CA', siteCountyFips: '06019' })],
  view: { activeServiceArea: 'area-1' },
};

describe('sample data', () => {
  it('adds a service area, targets, diversity targets and the pipeline, every item marked sample', () => {
    const ws = addSampleData(emptyWorkspace(), sampleCandidates, today);
    const lines = sampleCsv.trim().split('\n').length - 1;
    expect(ws.candidates.length).toBe(lines);
    expect(ws.candidates.every(isSampleCandidate)).toBe(true);
    expect(ws.serviceAreas.length).toBe(1);
    expect(ws.targets.length).toBeGreaterThan(0);
    expect(ws.diversityTargets.length).toBeGreaterThan(0);
    expect([...ws.serviceAreas, ...ws.targets, ...ws.diversityTargets].every(isSampleItem)).toBe(true);
    expect(activeServiceArea(ws)?.id).toBe(SAMPLE_SERVICE_AREA.id); // the user had none: the sample one is shown
    expect(sampleCounts(ws)).toEqual({
      serviceAreas: 1,
      targets: ws.targets.length,
      diversityTargets: ws.diversityTargets.length,
      candidates: lines,
    });
    expect(hasSampleData(ws)).toBe(true);
    expect(hasSampleData(emptyWorkspace())).toBe(false);
  });

  it('keeps the user’s items and active area; a second load changes nothing', () => {
    const once = addSampleData(own, sampleCandidates, today);
    expect(once.serviceAreas.slice(0, 1)).toEqual(own.serviceAreas);
    expect(once.targets.slice(0, 1)).toEqual(own.targets);
    expect(once.candidates.slice(0, 1)).toEqual(own.candidates);
    expect(activeServiceArea(once)?.id).toBe('area-1');
    expect(addSampleData(once, sampleCandidates, today)).toEqual(once);
  });

  it('removes every sample item and nothing else', () => {
    const { workspace, kept } = removeSampleData(addSampleData(own, sampleCandidates, today));
    expect(kept).toEqual([]);
    expect(workspace.serviceAreas).toEqual(own.serviceAreas);
    expect(workspace.targets).toEqual(own.targets);
    expect(workspace.diversityTargets).toEqual(own.diversityTargets);
    expect(workspace.candidates).toEqual(own.candidates);
    expect(hasSampleData(workspace)).toBe(false);
  });

  it('keeps a sample area a user’s target names, and unties a user’s diversity target from a removed sample target', () => {
    const withSample = addSampleData(own, sampleCandidates, today);
    const mine = {
      ...withSample,
      targets: [
        ...withSample.targets,
        { ...own.targets[0], id: 'target-2', region: { kind: 'service-area' as const, id: SAMPLE_SERVICE_AREA.id } },
      ],
      diversityTargets: [
        ...withSample.diversityTargets,
        { ...own.diversityTargets[0], id: 'diversity-2', targetId: withSample.targets[1].id },
      ],
    };
    const { workspace, kept } = removeSampleData(mine);
    expect(kept.map((a) => a.id)).toEqual([SAMPLE_SERVICE_AREA.id]);
    expect(workspace.serviceAreas.map((a) => a.id)).toEqual(['area-1', SAMPLE_SERVICE_AREA.id]);
    expect(workspace.targets.map((t) => t.id)).toEqual(['target-1', 'target-2']);
    expect(workspace.diversityTargets.find((d) => d.id === 'diversity-2')?.targetId).toBeNull();
  });

  it('survives saving: the workspace file keeps every sample mark', () => {
    const ws = addSampleData(own, sampleCandidates, today);
    const parsed = parseWorkspaceFile(serializeWorkspace(ws));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(sampleCounts(parsed.workspace)).toEqual(sampleCounts(ws));
  });

  it('has targets that are valid, due after today, and met by sample candidates in their regions', () => {
    const targets = sampleTargets(today);
    const members = matchTargets(sampleCandidates, targets, regionContainsFor([SAMPLE_SERVICE_AREA], new Map()));
    // Independently of the matching code: HRSA's primary-care specialties and the clinical-laboratory roles.
    const counted: Record<string, string[]> = {
      'primary care': ['family medicine', 'internal medicine', 'pediatrics', 'ob/gyn'],
      'clinical laboratory': ['medical laboratory scientist', 'medical laboratory technician', 'cytotechnologist', 'histotechnologist'],
    };
    targets.forEach((t, i) => {
      expect(targetSpecialtiesFor(t.profession), t.id).toContain(t.specialty);
      expect(t.dueQuarter > quarterOf(today), t.id).toBe(true);
      const inRegion = (c: (typeof sampleCandidates)[number]) =>
        t.region.kind === 'state' ? c.siteState === t.region.state : SAMPLE_SERVICE_AREA.counties.includes(c.siteCountyFips);
      const expected = sampleCandidates.filter(
        (c) => c.profession === t.profession && (counted[t.specialty] ?? [t.specialty]).includes(c.specialty) && inRegion(c),
      );
      expect(members[i].length, t.id).toBe(expected.length);
      expect(expected.length, t.id).toBeGreaterThan(0);
    });
  });
});
