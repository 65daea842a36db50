import { describe, it, expect } from 'vitest';
import { syntheticCandidates, syntheticTargets } from '../../src/model/pipeline/synthetic';
import { simulate } from '../../src/model/forecast/simulate';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/timing/assumptions';
import { regionContainsFor } from '../../src/model/region-contains';

describe('synthetic pipeline for benchmarks', () => {
  it('is deterministic and valid input for the forecast', () => {
    const a = syntheticCandidates(500);
    expect(a).toEqual(syntheticCandidates(500));
    const r = simulate({
      candidates: a,
      targets: syntheticTargets(8),
      assumptions: DEFAULT_ASSUMPTIONS,
      now: '2026-11-23',
      runs: 50,
      seed: 1,
      horizonMonths: 24,
      regionContains: regionContainsFor([], new Map()),
    });
    expect(r.targets).toHaveLength(8);
    expect(r.targets.some((t) => t.matchedCandidates > 0)).toBe(true);
  });
});
