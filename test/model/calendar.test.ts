import { describe, it, expect } from 'vitest';
import { formatEpochDate, parseIsoDate } from '../../src/model/calendar';

describe('formatEpochDate', () => {
  it('writes a DATE as the engine gives it (epoch milliseconds at UTC midnight) as the same calendar date', () => {
    expect(formatEpochDate(Date.UTC(2024, 2, 27))).toBe('2024-03-27');
    expect(formatEpochDate(Date.UTC(1978, 11, 31))).toBe('1978-12-31');
    expect(formatEpochDate(Date.UTC(1969, 0, 1))).toBe('1969-01-01'); // before 1970: negative milliseconds
    expect(formatEpochDate(Date.UTC(2000, 1, 29))).toBe('2000-02-29');
  });

  it('round-trips with parseIsoDate’s day numbers', () => {
    for (const iso of ['2003-07-15', '2026-11-26', '1965-05-01'])
      expect(formatEpochDate((parseIsoDate(iso) as number) * 86_400_000)).toBe(iso);
  });
});
