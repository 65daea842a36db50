// The pipeline template's data dictionary: for every column, what it means, whether it is needed,
// the values it takes (the code to write and its plain name) and an example. Shown beside the
// import button, downloadable with the template, and where the importer's messages point.
import {
  CURRENT_STATUS_NAMES,
  LICENCE_STATUS_NAMES,
  PROFESSION_NAMES,
  STAGE_NAMES,
  TRAINING_STATUS_NAMES,
  VISA_STATUS_NAMES,
} from '../names';
import { specialtiesOf } from '../specialties';
import { ROUTES } from '../timing/visa-routes';
import { CURRENT_STATUSES, LICENCE_STATUSES, STAGES, TRAINING_STATUSES, VISA_ROUTES, VISA_STATUSES } from '../types';
import { toCsv } from '../csv/to-csv';
import { PIPELINE_TEMPLATE_COLUMNS, REQUIRED_PIPELINE_COLUMNS, type PipelineColumn } from './columns';

export interface AllowedValue {
  /** What to write in the column. */
  code: string;
  /** What the app calls it. */
  name: string;
}

export interface DictionaryEntry {
  column: PipelineColumn;
  /** "Required", "Optional", or who it is for. */
  needed: string;
  meaning: string;
  /** The values the column takes, when it is a list; otherwise `format` says what to write. */
  values?: readonly AllowedValue[];
  format?: string;
  example: string;
}

const DATE =
  'A date as YYYY-MM-DD (also MM/DD/YYYY, read month first; a date that can only be day/month/year is refused, and then so is every slash date that could be either).';
const YES_NO = 'yes or no (also y/n, true/false, 1/0); blank when not known.';
const named = <T extends string>(codes: readonly T[], names: Readonly<Record<T, string>>): AllowedValue[] =>
  codes.filter((code) => code !== '').map((code) => ({ code, name: names[code] }));
const specialties = (profession: 'physician' | 'mls') => specialtiesOf(profession).map((s) => ({ code: s.id, name: s.label }));

const ENTRIES: Readonly<Record<PipelineColumn, Omit<DictionaryEntry, 'column' | 'needed'> & { needed?: string }>> = {
  candidate_id: {
    meaning:
      'Your own id for the candidate, at most 200 characters, once per file. A row with the id of a candidate already saved replaces that candidate. The report names candidates by this id only.',
    format: 'Any text.',
    example: 'C-0001',
  },
  profession: {
    meaning: 'Physician, or a laboratory professional (medical laboratory scientist, technician or specialist).',
    values: named(['physician', 'mls'] as const, PROFESSION_NAMES),
    example: 'physician',
  },
  specialty: {
    needed: 'Required for physicians',
    meaning:
      'The physician’s specialty or the lab role, as planned for the targets. Blank for a lab professional means medical laboratory scientist.',
    values: [...specialties('physician'), ...specialties('mls')],
    example: 'psychiatry',
  },
  stage: {
    meaning:
      'Where the candidate is in your recruitment. Arrived and withdrawn candidates are kept for the record and not forecast; the stage only stands in for facts not recorded in the other columns.',
    values: named(STAGES, STAGE_NAMES),
    example: 'offer',
  },
  stage_date: {
    meaning: 'The day the candidate reached the stage; not after today.',
    format: DATE,
    example: '2026-11-02',
  },
  visa_route: {
    meaning:
      'How the candidate will be allowed to work for you. J-1 waiver routes are for physicians on a J-1 (the two-year home-residency rule); TN is for lab professionals only.',
    values: VISA_ROUTES.map((code) => ({ code, name: ROUTES[code].label })),
    example: 'j1-conrad30',
  },
  site_state: {
    meaning: 'The state of the site the candidate is recruited for: decides state licensing, the Conrad 30 window and target matching.',
    format: 'A two-letter code such as CA (a state’s name is read too).',
    example: 'NM',
  },
  site_county_fips: {
    needed: 'Optional (needed to check a J-1 waiver site)',
    meaning:
      'The site’s county, in site_state. A J-1 waiver site is checked against the shortage designations of this county; county targets and service areas match on it.',
    format: 'The five-digit county FIPS code (a dropped leading zero is put back), or the county’s name as on the map (“Kern County”).',
    example: '35001',
  },
  site_zip: {
    needed: 'Optional (instead of site_state, or beside it)',
    meaning:
      'The site’s ZIP code, read into its county through the Census 2020 ZIP Code Tabulation Areas. A ZIP that spans counties takes the county holding most of its land (within site_state, if given) and names the others; site_county_fips chooses another of them. The ZIP itself is not kept.',
    format:
      'Five digits (a dropped leading zero is put back), or ZIP+4 such as 87102-1234. A PO-box-only ZIP has no area: give the county instead.',
    example: '87102',
  },
  expected_start: {
    meaning: 'The start date you are planning for; kept for your records (the forecast works out when a start is possible).',
    format: `${DATE} At most 20 years ahead.`,
    example: '2027-07-01',
  },
  country_of_training: {
    meaning:
      'Where the candidate earned their medical or laboratory degree. Anything other than the United States marks a graduate trained abroad (ECFMG certification, the IMG share of diversity targets).',
    format: 'A country’s name; blank or “United States” for a US graduate.',
    example: 'India',
  },
  languages: {
    meaning: 'Languages the candidate speaks with patients, for language-coverage diversity targets.',
    format: 'Names separated by semicolons.',
    example: 'English;Hindi;Telugu',
  },
  gender: {
    meaning: 'As the candidate gives it, for gender-balance diversity targets.',
    format: 'Any text; blank when not given.',
    example: 'female',
  },
  ecfmg_certified: {
    needed: 'Physicians trained abroad',
    meaning:
      'ECFMG certification (USMLE Step 1, Step 2 CK and the communication requirement). “no”: certification, then USMLE Step 3, come before a licence, a residency or an H-1B.',
    format: YES_NO,
    example: 'yes',
  },
  licence_status: {
    meaning:
      'The licence to practise in site_state. Blank is read from the stage: licensure means applied for on the stage date; credentialing means licensed, credentialing under way; visa means both done. Other text is kept as written and read as blank, with a note at import.',
    values: named(LICENCE_STATUSES, LICENCE_STATUS_NAMES),
    example: 'applied',
  },
  ascpi: {
    needed: 'Lab professionals',
    meaning: 'MLS(ASCPi) certification from the American Society for Clinical Pathology’s international board.',
    format: YES_NO,
    example: 'yes',
  },
  visa_status: {
    meaning: `The last visa step that has actually happened, with its date in visa_status_date. Each route takes only its own steps: ${VISA_ROUTES.map((r) => `${ROUTES[r].label}: ${ROUTES[r].statuses.join(', ')}`).join('; ')}.`,
    values: named(VISA_STATUSES, VISA_STATUS_NAMES),
    example: 'not-started',
  },
  visa_status_date: {
    needed: 'Required when visa_status is not blank or not-started',
    meaning: 'The day the visa step in visa_status happened; not after today.',
    format: DATE,
    example: '2026-11-02',
  },
  available_from: {
    meaning:
      'The first day the candidate can start: the end of a residency (usually June 30), a notice period or, for a physician serving a J-1 waiver elsewhere, the end of that service. Blank: free now.',
    format: `${DATE} At most 20 years ahead.`,
    example: '2027-06-30',
  },
  current_status: {
    meaning:
      'Where the candidate is and in what status today: decides the $100,000 H-1B fee (a new petition for someone abroad), the two-year home-residency rule of a J-1, and whether a move goes through the H-1B lottery.',
    values: named(CURRENT_STATUSES, CURRENT_STATUS_NAMES),
    example: 'j1',
  },
  training_status: {
    needed: 'Physicians',
    meaning:
      'US residency (graduate medical education), which a full licence needs in most states. Blank is read as completed. “needs-residency” for a physician with no US residency: the Match (third Friday of March), then the residency from July 1, before a licence.',
    values: named(TRAINING_STATUSES, TRAINING_STATUS_NAMES),
    example: 'in-training',
  },
  bachelors_degree: {
    needed: 'Lab professionals',
    meaning: 'A bachelor’s degree or its equivalent: an H-1B needs one (a specialty occupation).',
    format: YES_NO,
    example: 'yes',
  },
  visascreen: {
    needed: 'Lab professionals',
    meaning:
      'A CGFNS VisaScreen certificate, which medical technologists and technicians need for a work visa (8 CFR 212.15). “no”: the forecast adds it.',
    format: YES_NO,
    example: 'no',
  },
  h1b_years_used: {
    meaning:
      'Years already spent in H-1B status (time in residency on an H-1B counts, J-1 time does not): an H-1B lasts six years at most.',
    format: 'A number of years from 0 to 20; blank when not recorded.',
    example: '2',
  },
};

/** Every template column, in the template's order. */
export const PIPELINE_DICTIONARY: readonly DictionaryEntry[] = PIPELINE_TEMPLATE_COLUMNS.map((column) => {
  const { needed, ...entry } = ENTRIES[column];
  return { column, needed: needed ?? (REQUIRED_PIPELINE_COLUMNS.includes(column) ? 'Required' : 'Optional'), ...entry };
});

/** The allowed values in one line: "offer (Offer made); accepted (Offer accepted)". */
export const allowedText = (entry: DictionaryEntry): string =>
  entry.values ? entry.values.map((v) => `${v.code} (${v.name})`).join('; ') : (entry.format ?? '');

/** The dictionary as a CSV for people, downloaded beside the template. */
export function pipelineDictionaryCsv(): string {
  return toCsv(
    ['Column', 'Needed', 'What it means', 'Values to write (what the app calls them)', 'Example'],
    PIPELINE_DICTIONARY.map((e) => [e.column, e.needed, e.meaning, allowedText(e), e.example]),
  );
}
