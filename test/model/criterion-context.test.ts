import { describe, expect, it } from 'vitest';
import { criterionContext } from '../../src/model/county-supply';

describe('HRSA’s criterion beside a place’s own ratio', () => {
  it('names the kind of place the ratio is of: a state’s details never say “this county”', () => {
    for (const place of ['county', 'state'] as const) {
      const other = place === 'county' ? 'state' : 'county';
      for (const [ratio, physicians] of [
        [4200, 12],
        [null, 0],
        [null, null],
      ] as const) {
        const text = criterionContext(ratio, physicians, place);
        expect(text).toContain(`This ${place}’s ratio counts physicians by head`);
        expect(text).not.toContain(`This ${other}’s`);
      }
    }
  });
});
