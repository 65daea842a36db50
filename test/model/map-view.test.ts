import { describe, it, expect } from 'vitest';
import { DEFAULT_VIEW, viewFromParams, viewToParams, type MapView } from '../../src/model/map-view';

describe('map view in the URL', () => {
  it('round-trips a view through URL parameters', () => {
    const view: MapView = {
      ...DEFAULT_VIEW,
      level: 'state',
      metric: 'specialty_gap',
      specialty: 'ob/gyn',
      states: ['CA', 'NV'],
      hhsRegion: '9',
      rural: 'rural',
      statuses: ['Designated'],
      selected: '06',
    };
    expect(viewFromParams(new URLSearchParams(viewToParams(view).toString()))).toEqual(view);
  });

  it('writes nothing for the default view', () => {
    expect(viewToParams(DEFAULT_VIEW).toString()).toBe('');
  });

  it('ignores hostile or unknown values', () => {
    const v = viewFromParams(
      new URLSearchParams('level=planet&metric=__proto__&states=CA,<script>,ny&selected=1;DROP&hhs=11&region=%27%20OR%201%3D1'),
    );
    expect(v.level).toBe('county');
    expect(v.metric).toBe('fte_needed');
    expect(v.states).toEqual(['CA']);
    expect(v.selected).toBe('');
    expect(v.hhsRegion).toBe('');
    expect(v.censusRegion).toBe('');
  });

  it('falls back from a state-only metric at county level', () => {
    expect(viewFromParams(new URLSearchParams('metric=lab_per_100k')).metric).toBe('fte_needed');
    expect(viewFromParams(new URLSearchParams('metric=lab_per_100k&level=state')).metric).toBe('lab_per_100k');
  });
});
