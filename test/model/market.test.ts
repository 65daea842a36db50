import { describe, it, expect } from 'vitest';
import { mapFiling, parseSocCode } from '../../src/model/market/specialty-mapping';
import { annualWage, isPlausibleAnnualWage, wageUnit } from '../../src/model/market/wage-units';
import { assessOffer, levelThresholds, quantile, thresholdNote, type PeerOffer, type PeerPlace } from '../../src/model/market/offer';
import { LOTTERY_ODDS_SOURCE, levelOdds } from '../../src/model/market/lottery-odds';
import { countyKey } from '../../src/model/market/county-key';
import { employerKey, looksCapExempt, looksMedical } from '../../src/model/market/employers';
import { occupationGroup } from '../../src/model/market/occupations';
import {
  DEFAULT_MARKET_VIEW,
  MARKET_PARAMS,
  groupOf,
  marketViewFromParams,
  marketViewToParams,
  occupationFilter,
  occupationOptions,
} from '../../src/model/market/market-view';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/timing/assumptions';
import { SPECIALTY_LIST } from '../../src/model/specialties';
import { fixtureRows } from '../helpers/fixtures';

describe('specialty of a DOL filing', () => {
  const specialty = (soc: string, title: string) => {
    const m = mapFiling(soc, title);
    return m.kind === 'specialty' ? m.specialty : m.kind;
  };

  it('takes the SOC code where it names one specialty, with or without the O*NET suffix', () => {
    expect(specialty('29-1216.00', 'Hospitalist')).toBe('internal medicine');
    expect(specialty('29-1216', 'Physician')).toBe('internal medicine');
    expect(specialty('29-2012.00', 'Medical Technologist')).toBe('medical laboratory technician');
  });

  it('reaches every specialty of the list from a filing titled with its own name (none left at zero filings)', () => {
    for (const s of SPECIALTY_LIST) expect(specialty(`${s.soc}.00`, s.label), s.id).toBe(s.id);
  });

  it('finds the rheumatologists of the DOL excerpt by their titles', () => {
    const rows = fixtureRows('market/dol_lca_fy2025_q2_excerpt.csv');
    const titled = rows.filter((r) => /rheumatolog/i.test(r.JOB_TITLE) && !/resident|fellow/i.test(r.JOB_TITLE));
    expect(titled.length).toBeGreaterThan(0);
    for (const r of titled) expect(specialty(r.SOC_CODE, r.JOB_TITLE), r.JOB_TITLE).toBe('rheumatology');
  });

  it('splits physicians, all other (29-1229) by job title, then by O*NET suffix', () => {
    expect(specialty('29-1229.00', 'Pulmonary/Critical Care Physician')).toBe('pulmonary/critical care');
    expect(specialty('29-1229.00', 'Gatroenterology Physician')).toBe('gastroenterology');
    expect(specialty('29-1229.00', 'Staff Physician (Medical Oncology)')).toBe('oncology');
    expect(specialty('29-1229.00', 'Nephrologist')).toBe('nephrology');
    expect(specialty('29-1229.00', 'Hospitalist-Nocturnist')).toBe('hospitalist');
    expect(specialty('29-1229.02', 'Attending Physician')).toBe('hospitalist');
    expect(specialty('29-1229.03', 'Attending Physician')).toBe('urology');
    expect(specialty('29-1229.00', 'Physician')).toBe('unmapped');
    expect(specialty('29-1229.00', 'Radiation Oncologist')).toBe('unmapped');
  });

  it('keeps residents and fellows apart, in every occupation', () => {
    expect(specialty('29-1229.00', 'Clinical Fellow')).toBe('trainee');
    expect(specialty('29-1216.00', 'Resident Physician in Internal Medicine')).toBe('trainee');
    expect(specialty('29-1229.00', 'Physician-PGY-1')).toBe('trainee');
    expect(specialty('29-2011.00', 'Postdoctoral Fellow')).toBe('trainee');
    expect(specialty('29-1216.00', 'Internal Medicine Physician')).toBe('internal medicine');
  });

  it('splits the lab code 29-2011 into cytotechnologists, histotechnologists and medical laboratory scientists', () => {
    expect(specialty('29-2011.00', 'Medical Technologist')).toBe('medical laboratory scientist');
    expect(specialty('29-2011', 'Clinical Lab Scientist')).toBe('medical laboratory scientist');
    expect(specialty('29-2011.00', 'Flow Cytometry Technologist')).toBe('medical laboratory scientist');
    expect(specialty('29-2011.02', 'Team Leader, Cytology')).toBe('cytotechnologist');
    expect(specialty('29-2011.00', 'Histotechnologist')).toBe('histotechnologist');
    expect(specialty('29-2011.04', 'Pathologists Assistant')).toBe('histotechnologist');
    expect(specialty('29-2011.01', 'Cytogenetic Technologist')).toBe('unmapped');
  });

  it('splits surgeons, all other (29-1249) by title and leaves the rest unmapped', () => {
    expect(specialty('29-1249.00', 'General Surgeon')).toBe('general surgery');
    expect(specialty('29-1249', 'General and Bariatric Surgeon')).toBe('general surgery');
    expect(specialty('29-1249.00', 'Neurosurgeon')).toBe('unmapped');
  });

  it('reads SOC codes and groups occupations', () => {
    expect(parseSocCode(' 29-2011.04 ')).toEqual({ soc: '29-2011', onet: '29-2011.04' });
    expect(parseSocCode('292011')).toEqual({ soc: '29-2011', onet: null });
    expect(parseSocCode('29-20')).toBeUndefined();
    expect(occupationGroup('29-1211')).toBe('physician');
    expect(occupationGroup('29-1249')).toBe('physician');
    expect(occupationGroup('29-1299')).toBe('other');
    expect(occupationGroup('29-1141')).toBe('other');
    expect(occupationGroup('29-2012')).toBe('lab');
  });
});

describe('pay units', () => {
  it('annualises with 2,080 hours, 52 weeks, 26 fortnights and 12 months', () => {
    expect(annualWage(30, wageUnit('Hour')!)).toBe(30 * 40 * 52);
    expect(annualWage(3394.47, wageUnit('Bi-Weekly')!)).toBeCloseTo(3394.47 * 26, 6);
    expect(annualWage(1000, wageUnit('Week')!)).toBe(52_000);
    expect(annualWage(7777, wageUnit('Month')!)).toBe(93_324);
    expect(wageUnit(' BI_WEEKLY ')).toBe('Bi-Weekly');
    expect(wageUnit('Biweekly')).toBe('Bi-Weekly');
    expect(wageUnit('Annually')).toBeUndefined();
    expect(wageUnit('constructor')).toBeUndefined();
  });

  it('calls an annual wage implausible below a federal-minimum-wage year or above $2M', () => {
    expect(isPlausibleAnnualWage(7.25 * 2080)).toBe(true);
    expect(isPlausibleAnnualWage(15_000)).toBe(false);
    expect(isPlausibleAnnualWage(436_000 * 52)).toBe(false);
  });
});

describe('an offer among peers’ offers', () => {
  // 10 filings at each level, wages spaced so the thresholds are easy to check by hand.
  const peers: PeerOffer[] = [1, 2, 3, 4].flatMap((level) =>
    Array.from({ length: 10 }, (_, i) => ({ annualWage: 50_000 + level * 10_000 + i * 1_000, level: level as 1 | 2 | 3 | 4 })),
  );

  it('interpolates quantiles as DuckDB’s quantile_cont', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.1)).toBe(14);
    expect(quantile([], 0.5)).toBeNull();
  });

  const texas: PeerPlace = { label: 'Texas', peers };
  // The division: Texas's filings and 10 more at level IV (100k … 109k); the nation: 10 more again (110k … 119k).
  const extra = (from: number): PeerOffer[] => Array.from({ length: 10 }, (_, i) => ({ annualWage: from + i * 1_000, level: 4 }));
  const division: PeerPlace = { label: 'the West South Central division', peers: [...peers, ...extra(100_000)] };
  const nation: PeerPlace = { label: 'the United States', peers: [...division.peers, ...extra(110_000)] };

  it('estimates each level’s threshold from the low end of at least 30 filings at that level or above (casebook D2)', () => {
    const t = levelThresholds([texas]);
    // Level I and above: 60k … 99k (40 filings): lower quartile at position 0.25 × 39 = 9.75 → 69k + 0.75 × 1k.
    expect(t[0]).toEqual({ level: 1, filings: 40, place: 'Texas', tooFew: [], annualWage: 69_750 });
    // Level II and above: 70k … 99k (30 filings, just enough): position 0.25 × 29 = 7.25 → 77,250.
    expect(t[1]).toMatchObject({ filings: 30, annualWage: 77_250 });
    // Level III and above: 20 filings, fewer than 30, and no wider place given: not estimated.
    expect(t[2]).toMatchObject({ filings: 20, place: 'Texas', annualWage: null });
    expect(thresholdNote(t[2])).toBe('');
  });

  it('falls back to the Census division, then the nation, where the state has fewer than 30, and says how many each had', () => {
    const t = levelThresholds([texas, division, nation]);
    expect(t[0]).toMatchObject({ place: 'Texas', tooFew: [], annualWage: 69_750 });
    // Level III: Texas has 20; the division 30 (80k … 109k): position 7.25 → 87,250.
    expect(t[2]).toEqual({
      level: 3,
      filings: 30,
      place: 'the West South Central division',
      tooFew: [{ place: 'Texas', filings: 20 }],
      annualWage: 87_250,
    });
    // Level IV: Texas 10, the division 20; the nation 30 (90k … 119k) → 97,250.
    expect(t[3]).toMatchObject({ filings: 30, place: 'the United States', annualWage: 97_250 });
    expect(thresholdNote(t[3])).toBe('too few nearer: Texas 10, the West South Central division 20; 30 needed');
  });

  it('gives the percentile among the state’s filings and the highest level whose threshold the offer meets, with what it rests on', () => {
    const a = assessOffer(88_000, peers, [texas, division, nation])!;
    // Below 88,000 in Texas: 28 filings (levels I and II, and 80k … 87k of level III); the tie at 88k counts half; 40 in all.
    expect(a.percentile).toBeCloseTo(28.5 / 40, 10);
    expect(a.level).toBe(3);
    expect(a.levelWhy).toBe(
      'meets the estimated level III threshold (25th percentile of 30 filings at level III or above in the West South Central division, as Texas has 20)',
    );
    expect(assessOffer(97_250, peers, [texas, division, nation])!.level).toBe(4);
    expect(assessOffer(72_000, peers, [texas, division, nation])!.level).toBe(1);
    expect(assessOffer(40_000, peers, [texas])!.levelWhy).toMatch(/below every estimated threshold/);
  });

  it('estimates no level when no place has 30 filings with a level', () => {
    const few = peers.slice(0, 29).map((p) => ({ ...p }));
    const a = assessOffer(100_000, [...few, { annualWage: 90_000, level: null }], [{ label: 'the United States', peers: few }])!;
    expect(a.level).toBeNull();
    expect(a.peers).toBe(30);
    expect(a.levelWhy).toMatch(/fewer than 30 at level I or above, even nationwide/);
    expect(assessOffer(100_000, [])).toBeNull();
  });
});
describe('wage-weighted lottery odds', () => {
  it('enters a registration once per level and shows each level’s odds against level I', () => {
    const odds = levelOdds(DEFAULT_ASSUMPTIONS);
    expect(odds.map((o) => o.entries)).toEqual([1, 2, 3, 4]);
    expect(odds.map((o) => o.probability)).toEqual([0.1529, 0.3058, 0.4587, 0.6116]);
    expect(odds.map((o) => Number(o.timesLevelOne.toFixed(1)))).toEqual([1, 2, 3, 4]);
  });

  it('credits the odds to DHS’s projection, not to a law firm (casebook B4)', () => {
    expect(LOTTERY_ODDS_SOURCE).toMatch(/DHS’s projection in the rule’s analysis \(proposed rule, 90 FR 45986\)/);
    expect(LOTTERY_ODDS_SOURCE).toMatch(/selected at most once/);
    expect(LOTTERY_ODDS_SOURCE).not.toMatch(/law-firm/);
  });
});

describe('names', () => {
  it('matches DOL county names to Census names, keeping independent cities apart', () => {
    expect(countyKey('SAN FRANCISCO')).toBe(countyKey('San Francisco County'));
    expect(countyKey('ST. LOUIS')).toBe(countyKey('St. Louis County'));
    expect(countyKey('SAINT LOUIS')).toBe(countyKey('St. Louis County'));
    expect(countyKey('RICHMOND CITY')).toBe(countyKey('Richmond city'));
    expect(countyKey('RICHMOND CITY')).not.toBe(countyKey('Richmond County'));
    expect(countyKey('ORLEANS')).toBe(countyKey('Orleans Parish'));
    expect(countyKey('HARTFORD')).toBe(countyKey('Hartford County (legacy)'));
  });

  it('groups spellings of one employer and flags names to check', () => {
    expect(employerKey('Mayo Clinic ')).toBe(employerKey('MAYO CLINIC'));
    expect(employerKey('Ochsner Clinic Foundation')).toBe('ochsner clinic foundation');
    expect(employerKey('QUEST DIAGNOSTICS INCORPORATED')).toBe(employerKey('Quest Diagnostics, Inc.'));
    expect(looksCapExempt('BAYLOR COLLEGE OF MEDICINE')).toBe(true);
    expect(looksCapExempt('The Regents of the University of California')).toBe(true);
    expect(looksCapExempt('ARUP Laboratories')).toBe(false);
    expect(looksMedical('UMASS CHAN MEDICAL SCHOOL')).toBe(true);
    expect(looksMedical("CHILDREN'S HOSPITAL COLORADO")).toBe(true);
    expect(looksMedical('UNIVERSITY OF NORTH TEXAS')).toBe(false);
  });
});

describe('the Market view in the URL', () => {
  it('round-trips every kind of place and names the parameters it writes', () => {
    for (const region of [
      { kind: 'state', state: 'TX' },
      { kind: 'census-region', name: 'South' },
      { kind: 'hhs-region', number: 10 },
      { kind: 'service-area', id: 'area-1' },
      { kind: 'nation' },
    ] as const) {
      const view = { occupation: 'hospitalist', region };
      const params = marketViewToParams(view);
      expect(marketViewFromParams(new URLSearchParams(params.toString()))).toEqual(view);
      for (const k of params.keys()) expect(MARKET_PARAMS).toContain(k);
    }
    expect(marketViewToParams(DEFAULT_MARKET_VIEW).toString()).toBe('');
  });

  it('falls back to the defaults on unknown or hostile values', () => {
    expect(marketViewFromParams(new URLSearchParams('occupation=__proto__&market=state:<b>'))).toEqual(DEFAULT_MARKET_VIEW);
    expect(marketViewFromParams(new URLSearchParams('market=hhs:11')).region).toEqual({ kind: 'nation' });
    expect(marketViewFromParams(new URLSearchParams('occupation=clinical%20laboratory')).occupation).toBe('clinical laboratory');
  });

  it('offers each profession’s total, its groups and its specialties, and knows which group an occupation is in', () => {
    const [physicians, lab] = occupationOptions();
    expect(physicians.options.map((o) => o.value).slice(0, 3)).toEqual(['physician', 'primary care', 'family medicine']);
    expect(lab.options.map((o) => o.value)).toEqual([
      'lab',
      'medical laboratory scientist',
      'medical laboratory technician',
      'cytotechnologist',
      'histotechnologist',
    ]);
    expect(occupationFilter('primary care')).toEqual({ specialties: ['family medicine', 'internal medicine', 'pediatrics', 'ob/gyn'] });
    expect(occupationFilter('lab')).toEqual({ group: 'lab' });
    expect([groupOf('histotechnologist'), groupOf('clinical laboratory'), groupOf('nephrology')]).toEqual(['lab', 'lab', 'physician']);
  });
});
