import { describe, expect, it } from 'vitest';
import { activeServiceArea, addToServiceArea, parseAreaCodes } from '../../src/model/service-areas';

const a1 = { id: 'a1', name: 'One', counties: ['06107'], states: ['NV'] };
const a2 = { id: 'a2', name: 'Two', counties: [], states: [] };

describe('service areas', () => {
  it('reads county FIPS and state codes with any separators and case', () => {
    expect(parseAreaCodes(' 06019,06107;nv\n  TX ')).toEqual({ ok: true, counties: ['06019', '06107'], states: ['NV', 'TX'] });
    expect(parseAreaCodes('')).toEqual({ ok: true, counties: [], states: [] });
  });

  it('names the bad codes (the first five, then how many more) and adds nothing', () => {
    expect(parseAreaCodes('06019 6019 XX')).toEqual({
      ok: false,
      message: 'Not a county FIPS code or state code: 6019, XX. Nothing was added.',
    });
    const many = parseAreaCodes('1 2 3 4 5 6 7');
    expect(many.ok ? '' : many.message).toBe('Not a county FIPS code or state code: 1, 2, 3, 4, 5 and 2 more. Nothing was added.');
  });

  it('adds counties and states sorted, without repeats', () => {
    expect(addToServiceArea(a1, { counties: ['06019', '06107'], states: ['CA', 'NV'] })).toEqual({
      ...a1,
      counties: ['06019', '06107'],
      states: ['CA', 'NV'],
    });
  });

  it('the active area is the remembered one, else the first', () => {
    expect(activeServiceArea({ serviceAreas: [a1, a2], view: { activeServiceArea: 'a2' } })).toBe(a2);
    expect(activeServiceArea({ serviceAreas: [a1, a2], view: { activeServiceArea: 'gone' } })).toBe(a1);
    expect(activeServiceArea({ serviceAreas: [] })).toBeUndefined();
  });
});
