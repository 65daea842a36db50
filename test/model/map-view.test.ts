import { describe, it, expect } from 'vitest';
import { DEFAULT_VIEW, MAP_PARAMS, viewFromParams, viewToParams, type MapView } from '../../src/model/map-view';

describe('map view in the URL', () => {
  it('round-trips a view through URL parameters', () => {
    const view: MapView = {
      ...DEFAULT_VIEW,
      level: 'county',
      metric: 'max_score',
      asOf: 'detail',
      specialty: 'ob/gyn',
      states: ['CA', 'NV'],
      hhsRegion: '9',
      rural: 'rural',
      statuses: ['Designated'],
      selected: '06019',
    };
    expect(viewFromParams(new URLSearchParams(viewToParams(view).toString()))).toEqual(view);
  });

  it('names every parameter it writes, so other screens’ parameters can stay beside them', () => {
    const all: MapView = {
      ...DEFAULT_VIEW,
      level: 'county',
      discipline: 'Dental Health',
      metric: 'designations',
      asOf: '2021-12-31',
      statuses: ['Withdrawn'],
      designationClass: 'area',
      states: ['TX'],
      censusRegion: 'South',
      censusDivision: 'West South Central',
      hhsRegion: '6',
      rural: 'metro',
      specialty: 'psychiatry',
      selected: '48',
      totals: 'area',
    };
    expect([...viewToParams(all).keys()].sort()).toEqual([...MAP_PARAMS].sort());
  });

  it('writes nothing for the default view', () => {
    expect(viewToParams(DEFAULT_VIEW).toString()).toBe('');
  });

  it('ignores hostile or unknown values', () => {
    const v = viewFromParams(
      new URLSearchParams('level=planet&metric=__proto__&states=CA,<script>,ny&selected=1;DROP&hhs=11&region=%27%20OR%201%3D1'),
    );
    expect(v.level).toBe('state');
    expect(v.metric).toBe('fte_needed');
    expect(v.states).toEqual(['CA']);
    expect(v.selected).toBe('');
    expect(v.hhsRegion).toBe('');
    expect(v.censusRegion).toBe('');
  });

  it('falls back from a state-only metric at county level', () => {
    expect(viewFromParams(new URLSearchParams('metric=img_share&level=county')).metric).toBe('fte_needed');
    expect(viewFromParams(new URLSearchParams('metric=img_share')).metric).toBe('img_share');
  });

  it('opens on every state, coloured by primary-care need, in the default vintage', () => {
    expect(DEFAULT_VIEW).toMatchObject({ level: 'state', discipline: 'Primary Care', metric: 'fte_needed', asOf: '' });
    expect(viewFromParams(new URLSearchParams('asof=2021-09-30')).asOf).toBe('2021-09-30');
    expect(viewFromParams(new URLSearchParams('asof=2023')).asOf).toBe('2023');
    expect(viewFromParams(new URLSearchParams('asof=yesterday')).asOf).toBe('');
  });
});
