import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock, localIsoDate } from '../../src/app/common/clock';

// A US evening: already tomorrow in UTC. Node reads TZ when it changes.
const savedTz = process.env.TZ;
process.env.TZ = 'America/Los_Angeles';
afterAll(() => {
  process.env.TZ = savedTz;
});

describe('the clock', () => {
  it("gives today's date in the user's time zone, not UTC's", () => {
    const evening = '2026-03-31T20:30:00-07:00'; // 03:30 on 1 April in UTC
    expect(new Date(evening).toISOString().slice(0, 10)).toBe('2026-04-01');
    expect(fixedClock(evening).today()).toBe('2026-03-31');
    expect(localIsoDate(new Date(2027, 0, 5, 23, 59))).toBe('2027-01-05');
  });

  it('a fixed clock always returns the same instant, as a copy', () => {
    const clock = fixedClock('2026-11-23T10:00:00Z');
    const a = clock.now();
    a.setFullYear(2000);
    expect(clock.now().toISOString()).toBe('2026-11-23T10:00:00.000Z');
  });
});
