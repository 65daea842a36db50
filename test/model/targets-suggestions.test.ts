import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../src/model/types';
import {
  DIVERSITY_MEASURE_DEFINITIONS,
  measureDiversity,
  suggestTargets,
  suggestedHires,
  type ShortageFigure,
} from '../../src/model/targets';

const options = { share: 0.33, dueQuarter: '2027-Q4', region: { kind: 'service-area', id: 'sa-1' } as const };

describe('suggested hires arithmetic', () => {
  it('is ceil(share × need), at least 1', () => {
    expect(suggestedHires(12.4, 0.33)).toBe(5); // 4.092 → 5
    expect(suggestedHires(12, 0.25)).toBe(3);
    expect(suggestedHires(0.2, 0.33)).toBe(1);
  });

  it('does not round up floating-point noise', () => {
    expect(0.07 * 100).not.toBe(7); // the noise this guards against
    expect(suggestedHires(100, 0.07)).toBe(7);
    expect(suggestedHires(100, 0.55)).toBe(55);
  });

  it('adds no hire for a remainder below the hundredth the sentence shows', () => {
    // HRSA's file gives FTE with up to four decimals; 205.0033 is shown as "205 FTE".
    expect(suggestedHires(205.0033, 1)).toBe(205);
    expect(suggestedHires(205.0133, 1)).toBe(206);
  });

  it('is capped at the largest target a workspace accepts', () => {
    expect(suggestedHires(1e9, 1)).toBe(10_000);
  });
});

const figure = (over: Partial<ShortageFigure>): ShortageFigure => ({
  discipline: 'Primary Care',
  basis: 'detail',
  asOf: '2024-03-27',
  source: 'HRSA detail file as of 2024-03-27 (CA only)',
  states: ['CA'],
  fteNeeded: 55.43,
  designations: 132,
  withFte: 54,
  facilityWithoutFte: 78,
  otherWithoutFte: 0,
  ratioGoals: ['3000:1', '3500:1'],
  ...over,
});

describe('suggestTargets', () => {
  const figures: ShortageFigure[] = [
    figure({}),
    figure({ discipline: 'Mental Health', fteNeeded: 3, designations: 1, withFte: 1, facilityWithoutFte: 0, ratioGoals: ['30000:1'] }),
    figure({ discipline: 'Dental Health', fteNeeded: 8, designations: 2 }),
    figure({ fteNeeded: 0, designations: 3, withFte: 0, facilityWithoutFte: 3 }),
    figure({ discipline: 'Vision', fteNeeded: 4, designations: 1 }),
    figure({
      basis: 'summary',
      asOf: '2021-12-31',
      source: 'HRSA state summary as of 2021-12-31',
      states: ['TX'],
      fteNeeded: 991,
      designations: 429,
      withFte: null,
      facilityWithoutFte: null,
      otherWithoutFte: null,
      ratioGoals: [],
    }),
  ];
  const result = suggestTargets(figures, options);

  it('says, in one sentence, the source and date, the floor, the designations with and without an FTE figure, the share and the rounding', () => {
    expect(result.suggested.map((s) => s.explanation)).toEqual([
      "Primary Care, HRSA detail file as of 2024-03-27 (CA only): 55.43 FTE needed to remove 132 designations — HRSA's floor, the FTE that brings each area to its ratio goal (3,000:1 or 3,500:1), not a recruiting target; 54 of the 132 carry an FTE figure, 78 facility designations carry none; at a 33% share, 18.29 → 19 hires, rounded up, by 2027-Q4.",
      "Mental Health, HRSA detail file as of 2024-03-27 (CA only): 3 FTE needed to remove 1 designation — HRSA's floor, the FTE that brings each area to its ratio goal (30,000:1), not a recruiting target; it carries an FTE figure; at a 33% share, 0.99 → 1 hire, rounded up, by 2027-Q4.",
      "Primary Care, HRSA state summary as of 2021-12-31 for TX: 991 FTE needed to remove 429 designations — HRSA's floor, the FTE that brings each area to 3,500:1, or 3,000:1 where need is high, not a recruiting target; the published summary does not say how many designations carry an FTE figure; at a 33% share, 327.03 → 328 hires, rounded up, by 2027-Q4.",
    ]);
  });

  it('says when the share is exact, and when a target would pass the workspace’s largest', () => {
    expect(suggestTargets([figure({ fteNeeded: 12 })], { ...options, share: 0.25 }).suggested[0].explanation).toMatch(
      /at a 25% share, exactly 3 hires, by 2027-Q4\.$/,
    );
    expect(suggestTargets([figure({ fteNeeded: 1e9 })], { ...options, share: 1 }).suggested[0].draft.hires).toBe(10_000);
  });

  it('maps HPSA disciplines to professions and specialties', () => {
    expect(result.suggested.map((s) => [s.draft.profession, s.draft.specialty])).toEqual([
      ['physician', 'primary care'],
      ['physician', 'psychiatry'],
      ['physician', 'primary care'],
    ]);
  });

  it('produces drafts ready to add, with defaults and the explanation as note', () => {
    expect(result.suggested[0].draft).toEqual({
      profession: 'physician',
      specialty: 'primary care',
      region: { kind: 'service-area', id: 'sa-1' },
      hires: 19,
      dueQuarter: '2027-Q4',
      priority: 'medium',
      owner: '',
      note: result.suggested[0].explanation,
    });
    const owned = suggestTargets(figures.slice(0, 1), { ...options, priority: 'high', owner: 'CMO' });
    expect(owned.suggested[0].draft).toMatchObject({ priority: 'high', owner: 'CMO' });
  });

  it('flags dental, unknown disciplines and no need as not suggested, with reasons', () => {
    expect(result.notSuggested.map((s) => s.reason)).toEqual([
      'dental HPSAs need dentists, who are outside this plan (IMG physicians and lab scientists)',
      'Primary Care, HRSA detail file as of 2024-03-27 (CA only): no FTE needed to remove the 3 designations',
      'unknown HPSA discipline "Vision"',
    ]);
    expect(result.notSuggested[0].figure).toBe(figures[2]);
  });

  it('refuses a share outside (0, 1] or a bad quarter', () => {
    for (const share of [0, -0.1, 1.5, NaN]) expect(() => suggestTargets(figures, { ...options, share })).toThrow(RangeError);
    expect(() => suggestTargets(figures, { ...options, dueQuarter: '2027-Q5' })).toThrow(RangeError);
  });
});

const person = (overrides: Partial<Candidate>): Candidate => ({
  id: 'x',
  profession: 'physician',
  specialty: 'psychiatry',
  stage: 'arrived',
  stageDate: '2026-01-01',
  visaRoute: 'h1b-cap-exempt',
  siteState: 'CA',
  siteCountyFips: '',
  expectedStart: '',
  countryOfTraining: '',
  languages: [],
  gender: '',
  ecfmgCertified: null,
  licenceStatus: '',
  ascpi: null,
  visaStatus: 'not-started',
  visaStatusDate: '',
  availableFrom: '',
  currentStatus: '',
  trainingStatus: '',
  bachelorsDegree: null,
  visaScreen: null,
  ...overrides,
});

describe('diversity measures', () => {
  it('IMG share counts physicians trained outside the US and Canada, leaving out unknowns', () => {
    const hires = [
      person({ countryOfTraining: 'India' }),
      person({ countryOfTraining: 'USA' }),
      person({ countryOfTraining: ' canada ' }),
      person({ countryOfTraining: 'Philippines' }),
      person({ countryOfTraining: '' }),
      person({ countryOfTraining: 'Nigeria', profession: 'mls', specialty: 'medical laboratory' }),
    ];
    const reading = measureDiversity({ kind: 'img-share', minShare: 0.5 }, hires);
    expect(reading).toEqual({
      kind: 'img-share',
      value: 0.5,
      met: true,
      summary: 'IMG share 50% (2 of 4 physicians)',
      counted: 4,
      unknown: 1,
    });
    expect(measureDiversity({ kind: 'img-share', minShare: 0.6 }, hires).met).toBe(false);
    expect(measureDiversity({ kind: 'img-share', minShare: 0.6 }, []).met).toBe(null);
  });

  it('language coverage counts speakers per language, case-insensitively', () => {
    const hires = [person({ languages: ['English', 'spanish'] }), person({ languages: ['Spanish', 'Tagalog'] }), person({ languages: [] })];
    const reading = measureDiversity(
      { kind: 'language-coverage', languages: ['Spanish', 'Tagalog', 'Navajo'], minHiresPerLanguage: 1 },
      hires,
    );
    expect(reading.value).toBe(2);
    expect(reading.met).toBe(false);
    expect(reading.summary).toBe('2 of 3 languages with at least 1: Spanish 2, Tagalog 1, Navajo 0');
    expect([reading.counted, reading.unknown]).toEqual([2, 1]);
    const two = measureDiversity({ kind: 'language-coverage', languages: ['Spanish'], minHiresPerLanguage: 2 }, hires);
    expect(two.met).toBe(true);
  });

  it('max country share finds the largest group among known countries', () => {
    const hires = ['India', 'india', 'Nigeria', 'Mexico', ''].map((countryOfTraining) => person({ countryOfTraining }));
    const reading = measureDiversity({ kind: 'max-country-share', maxShare: 0.4 }, hires);
    expect(reading.value).toBe(0.5);
    expect(reading.met).toBe(false);
    expect(reading.summary).toBe('largest country share 50% (India, 2 of 4)');
    expect(measureDiversity({ kind: 'max-country-share', maxShare: 0.5 }, hires).met).toBe(true);
  });

  it('gender balance is the smaller of the women and men shares among recorded genders', () => {
    const hires = ['female', 'F', 'woman', 'male', 'non-binary', 'prefer not to say', ''].map((gender) => person({ gender }));
    const reading = measureDiversity({ kind: 'gender-balance', minShareEach: 0.3 }, hires);
    expect(reading.value).toBe(0.2);
    expect(reading.met).toBe(false);
    expect(reading.summary).toBe('women 60%, men 20% (of 5)');
    expect([reading.counted, reading.unknown]).toEqual([5, 2]);
  });

  it('every measure has a definition citing its source', () => {
    expect(DIVERSITY_MEASURE_DEFINITIONS['language-coverage']).toContain('S53');
    expect(DIVERSITY_MEASURE_DEFINITIONS['gender-balance']).toMatch(/AAMC, S51/);
    expect(DIVERSITY_MEASURE_DEFINITIONS['max-country-share']).toContain('S54');
    expect(DIVERSITY_MEASURE_DEFINITIONS['img-share']).toContain('S32');
  });
});
