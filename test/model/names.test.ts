import { describe, expect, it } from 'vitest';
import { CURRENT_STATUSES, STAGES, TRAINING_STATUSES, VISA_ROUTES, VISA_STATUSES } from '../../src/model/types';
import { currentStatusName, routeName, stageName, trainingStatusName, visaStatusName } from '../../src/model/names';

// A name is for a person: never the code itself, never empty, and never shared by two codes.
const plain = (codes: readonly string[], name: (c: string) => string) => {
  const names = codes.map(name);
  for (const [i, n] of names.entries()) {
    expect(n.trim()).not.toBe('');
    if (codes[i] !== '') expect(n).not.toBe(codes[i]);
    expect(n).not.toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/); // no kebab-case code
  }
  expect(new Set(names).size).toBe(names.length);
};

describe('plain names', () => {
  it('name every stage, route and status in words, one name per code', () => {
    plain(STAGES, (c) => stageName(c as never));
    plain(VISA_ROUTES, (c) => routeName(c as never));
    plain(VISA_STATUSES, (c) => visaStatusName(c as never));
    plain(CURRENT_STATUSES, (c) => currentStatusName(c as never));
    plain(TRAINING_STATUSES, (c) => trainingStatusName(c as never));
  });
});
