// The published figures beside a specialty or laboratory target, whose number the user sets: no
// published figure measures a specialty's or a lab's shortage by state, so these are context, never
// a suggested number. Each line names its source and date; where no figure exists it says so.
import { formatNumber } from './format';
import { specialtyLabel, specialtyMembers } from './specialties';

/** A state's row of AAMC's physician workforce (2018) and BLS's lab workforce (query: state-workforce). */
export interface StateWorkforceRow {
  state: string;
  state_name: string;
  aamc_as_of: string | null;
  active_per_100k: number | null;
  patient_care_per_100k: number | null;
  primary_care_per_100k: number | null;
  general_surgery_per_100k: number | null;
  pct_img: number | null;
  pct_female: number | null;
  pct_age_60_plus: number | null;
  active_physicians: number | null;
  annual_mean_wage: number | null;
  hourly_mean_wage: number | null;
  wage_as_of: string | null;
  employment_2023_05: number | null;
  employment_2024_05: number | null;
  licensure_required: boolean | null;
}

/** AAMC's count of active physicians in one specialty in one state (query: specialty-counts). */
export interface SpecialtyCountRow {
  state: string;
  specialty: string;
  aamc_field: string;
  active_physicians: number;
  as_of: string;
}

/** National context for laboratory targets: ASCP's 2022 vacancy survey (domain.md §5, S42). */
export const ASCP_VACANCIES = {
  source: 'ASCP 2022 vacancy survey of 876 laboratories, via aabb.org; domain.md S42',
  year: 2022,
  departments: [
    { department: 'core laboratory', pct: 18 },
    { department: 'blood bank, non-supervisory staff', pct: 18.9 },
    { department: 'cytogenetics', pct: 7 },
  ],
} as const;

/** A percentage as published: "18", "18.9". */
const pct = (v: number) => formatNumber(v, 1).replace(/\.0$/, '');
const year = (asOf: string | null) => (asOf ?? '').slice(0, 4);
const possessive = (name: string) => `${name}’s`;
const month = (asOf: string | null) => {
  const m = /^(\d{4})-(\d{2})$/.exec(asOf ?? '');
  return m
    ? `${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][Number(m[2]) - 1]} ${m[1]}`
    : (asOf ?? '');
};

/** "IMGs are 25.9% of Texas’s active physicians, AAMC 2018": the benchmark beside diversity targets. */
export function imgBenchmark(row: StateWorkforceRow): string {
  if (row.pct_img == null) return `${row.state_name}: no published IMG share in the loaded tables`;
  return `IMGs are ${pct(row.pct_img)}% of ${possessive(row.state_name)} active physicians, AAMC ${year(row.aamc_as_of)}`;
}

/** One line per state: AAMC's figures for the specialty (or group), or a plain statement that none exists. */
export function specialtyContext(specialty: string, rows: readonly StateWorkforceRow[], counts: readonly SpecialtyCountRow[]): string[] {
  const members = specialtyMembers(specialty);
  return rows.map((row) => {
    const found = counts.filter((c) => c.state === row.state && members.includes(c.specialty));
    const parts = found.map((c) => `${formatNumber(c.active_physicians)} active in ${c.aamc_field.toLowerCase()}`);
    if (specialty === 'primary care' && row.primary_care_per_100k != null)
      parts.unshift(`${formatNumber(row.primary_care_per_100k, 1)} active primary-care physicians per 100,000 people`);
    if (specialty === 'general surgery' && row.general_surgery_per_100k != null)
      parts.push(`${formatNumber(row.general_surgery_per_100k, 1)} general surgeons per 100,000 people`);
    if (!parts.length)
      return `${row.state_name}: no published state figure for ${specialtyLabel(specialty).toLowerCase()} (AAMC’s state report counts eight specialties); the number is yours to set.`;
    return `${row.state_name}: ${parts.join('; ')} (AAMC, ${row.aamc_as_of ?? found[0]?.as_of ?? ''}).`;
  });
}

/** One line per state for laboratory targets: BLS wages, employment where published, licensure. */
export function labContext(rows: readonly StateWorkforceRow[]): string[] {
  return rows.map((row) => {
    const parts: string[] = [];
    parts.push(
      row.annual_mean_wage != null
        ? `mean wage $${formatNumber(row.annual_mean_wage)} a year (BLS OEWS, ${month(row.wage_as_of)})`
        : 'no BLS wage published',
    );
    const jobs = [
      row.employment_2024_05 != null ? `${formatNumber(row.employment_2024_05)} employed (BLS OEWS, May 2024)` : '',
      row.employment_2023_05 != null ? `${formatNumber(row.employment_2023_05)} employed (BLS OEWS, May 2023)` : '',
    ].filter(Boolean);
    parts.push(jobs.length ? jobs.join('; ') : 'employment not published for this state in the loaded tables');
    if (row.licensure_required != null)
      parts.push(row.licensure_required ? 'the state licenses laboratory personnel' : 'no state licence required');
    return `${row.state_name}: ${parts.join('; ')}.`;
  });
}

/** ASCP's national vacancy rates, one sentence. */
export const vacancyContext = (): string =>
  `Nationally, ${ASCP_VACANCIES.departments.map((d) => `${pct(d.pct)}% of ${d.department} positions`).join(', ')} were vacant (${ASCP_VACANCIES.source}).`;
