import { describe, it, expect } from 'vitest';
import { imgBenchmark, labContext, specialtyContext, vacancyContext, type StateWorkforceRow } from '../../src/model/workforce-context';

// Texas's published row (AAMC 2018, BLS May 2023), as the state-workforce query returns it.
const texas: StateWorkforceRow = {
  state: 'TX',
  state_name: 'Texas',
  aamc_as_of: '2018-12-31',
  active_per_100k: 224.8,
  patient_care_per_100k: 199.9,
  primary_care_per_100k: 72.9,
  general_surgery_per_100k: 6.2,
  pct_img: 25.9,
  pct_female: 35.2,
  pct_age_60_plus: 27.9,
  active_physicians: 64533,
  annual_mean_wage: 57080,
  hourly_mean_wage: 27.44,
  wage_as_of: '2023-05',
  employment_2023_05: null,
  employment_2024_05: null,
  licensure_required: false,
};
const counts = [
  { state: 'TX', specialty: 'psychiatry', aamc_field: 'Psychiatry', active_physicians: 2064, as_of: '2018-12-31' },
  {
    state: 'TX',
    specialty: 'family medicine',
    aamc_field: 'Family Medicine/General Practice',
    active_physicians: 8646,
    as_of: '2018-12-31',
  },
];

describe('context beside specialty and laboratory targets', () => {
  it('gives the IMG share as AAMC published it', () => {
    expect(imgBenchmark(texas)).toBe('IMGs are 25.9% of Texas’s active physicians, AAMC 2018');
    expect(imgBenchmark({ ...texas, state_name: 'Illinois', pct_img: null })).toBe('Illinois: no published IMG share in the loaded tables');
  });

  it('gives AAMC’s counts where published and says so where not', () => {
    expect(specialtyContext('psychiatry', [texas], counts)).toEqual(['Texas: 2,064 active in psychiatry (AAMC, 2018-12-31).']);
    expect(specialtyContext('primary care', [texas], counts)).toEqual([
      'Texas: 72.9 active primary-care physicians per 100,000 people; 8,646 active in family medicine/general practice (AAMC, 2018-12-31).',
    ]);
    expect(specialtyContext('cardiology', [texas], counts)).toEqual([
      'Texas: no published state figure for cardiology (AAMC’s state report counts eight specialties); the number is yours to set.',
    ]);
  });

  it('gives BLS wages, employment only where published, and ASCP’s national vacancy rates', () => {
    expect(labContext([texas])).toEqual([
      'Texas: mean wage $57,080 a year (BLS OEWS, May 2023); employment not published for this state in the loaded tables; no state licence required.',
    ]);
    expect(
      labContext([{ ...texas, state_name: 'New York', employment_2024_05: 18500, employment_2023_05: 17770, licensure_required: true }])[0],
    ).toContain('18,500 employed (BLS OEWS, May 2024); 17,770 employed (BLS OEWS, May 2023); the state licenses laboratory personnel');
    expect(vacancyContext()).toBe(
      'Nationally, 18% of core laboratory positions, 18.9% of blood bank, non-supervisory staff positions, 7% of cytogenetics positions were vacant (ASCP 2022 vacancy survey of 876 laboratories, via aabb.org; domain.md S42).',
    );
  });
});
