// The report follows the plan, not the last click: the map of the active service area and the
// market of each target's occupation where it recruits, by default.
import { describe, expect, it } from 'vitest';
import { planMapView, planMarketViews, mapViewText, marketViewText } from '../../src/app/report/plan-views';
import { addSampleData, SAMPLE_SERVICE_AREA } from '../../src/app/plan/sample-data';
import { DEFAULT_VIEW } from '../../src/model/map-view';
import { DEFAULT_MARKET_VIEW } from '../../src/model/market/market-view';
import { emptyWorkspace, type Workspace } from '../../src/model/workspace';
import type { Target } from '../../src/model/types';

const regions = new Map([
  ['CA', { census: 'West', hhs: 9 }],
  ['NV', { census: 'West', hhs: 9 }],
  ['TX', { census: 'South', hhs: 6 }],
]);
const sample = addSampleData(emptyWorkspace(), [], '2026-11-23');
const target = (specialty: string, region: Target['region'], profession: Target['profession'] = 'physician'): Target => ({
  id: `t-${specialty}`,
  profession,
  specialty,
  region,
  hires: 1,
  dueQuarter: '2028-Q2',
  priority: 'high',
  owner: '',
  note: '',
});

describe('the plan’s map', () => {
  it('is the service area’s counties, in their states, by HRSA’s primary-care need', () => {
    expect(planMapView(sample, regions)).toEqual({ ...DEFAULT_VIEW, level: 'county', states: ['CA'] });
    expect(mapViewText('plan', planMapView(sample, regions), sample)).toBe(
      `your service area, ${SAMPLE_SERVICE_AREA.name}, outlined on the counties of California`,
    );
  });

  it('is the states of a whole-states area, else the targets’ states, else the nation', () => {
    const states: Workspace = {
      ...emptyWorkspace(),
      serviceAreas: [{ id: 'a', name: 'Two states', counties: [], states: ['NV', 'CA'] }],
      view: { activeServiceArea: 'a' },
    };
    expect(planMapView(states, regions)).toEqual({ ...DEFAULT_VIEW, states: ['CA', 'NV'] });
    const targetsOnly: Workspace = { ...emptyWorkspace(), targets: [target('psychiatry', { kind: 'census-region', name: 'South' })] };
    expect(planMapView(targetsOnly, regions)).toEqual({ ...DEFAULT_VIEW, states: ['TX'] });
    expect(planMapView(emptyWorkspace(), regions)).toEqual(DEFAULT_VIEW);
    expect(mapViewText('plan', DEFAULT_VIEW, emptyWorkspace())).toMatch(/^the whole country/);
  });
});

describe('the plan’s market', () => {
  it('is each target’s occupation where it recruits, once each: the sample’s four targets, all in California', () => {
    const views = planMarketViews(sample, regions);
    expect(views).toEqual(sample.targets.map((t) => ({ occupation: t.specialty, region: { kind: 'state', state: 'CA' } })));
    expect(marketViewText('plan', views, sample)).toMatch(
      /^your targets’ occupations where they recruit: Primary care .* — California; Psychiatry — California/,
    );
  });

  it('a service area across states keeps the area; one state is that state; an unknown specialty falls back to its profession', () => {
    const ws: Workspace = {
      ...emptyWorkspace(),
      serviceAreas: [{ id: 'a', name: 'Border', counties: ['06025', '48141'], states: [] }],
      targets: [
        target('psychiatry', { kind: 'service-area', id: 'a' }),
        target('psychiatry', { kind: 'service-area', id: 'a' }),
        target('not a specialty', { kind: 'hhs-region', number: 6 }),
        target('not a lab role', { kind: 'county', fips: '48141' }, 'mls'),
      ],
    };
    expect(planMarketViews(ws, regions)).toEqual([
      { occupation: 'psychiatry', region: { kind: 'service-area', id: 'a' } },
      { occupation: 'physician', region: { kind: 'state', state: 'TX' } },
      { occupation: 'lab', region: { kind: 'state', state: 'TX' } },
    ]);
    expect(planMarketViews(emptyWorkspace(), regions)).toEqual([DEFAULT_MARKET_VIEW]);
  });
});
