// Readers for the workspace's records. Each returns a freshly built object holding only known
// fields (so stray keys, including "__proto__", never reach the app) or undefined when invalid.

import {
  CURRENT_STATUSES,
  STAGES,
  TRAINING_STATUSES,
  VISA_ROUTES,
  VISA_STATUSES,
  type Candidate,
  type DiversityMeasure,
  type DiversityTarget,
  type Priority,
  type Profession,
  type RegionRef,
  type ServiceArea,
  type Target,
  type TargetOffer,
  type IsoDate,
} from '../types';
import { isQuarterLabel, quarterEnd } from '../calendar';
import { HAPPENED, PLANNED, dateProblem, type DateRule } from '../dates';
import { countyFipsProblem, countyInState, specialtiesFor, targetSpecialtiesFor } from './fields';
import { Issues, childPath } from './issues';
import {
  readArray,
  readBooleanOrNull,
  readEnum,
  readId,
  readInteger,
  readIsoDate,
  readList,
  readNumber,
  readRecord,
  readString,
  type JsonRecord,
} from './readers';
import { US_STATES, isStateCode } from './us-states';

export const PROFESSIONS: readonly Profession[] = ['physician', 'mls'];
export const PRIORITIES: readonly Priority[] = ['high', 'medium', 'low'];
export const CENSUS_REGIONS = ['Northeast', 'Midwest', 'South', 'West'] as const;
export const REGION_KINDS: readonly RegionRef['kind'][] = ['service-area', 'county', 'state', 'census-region', 'hhs-region', 'site'];
export const MEASURE_KINDS: readonly DiversityMeasure['kind'][] = ['img-share', 'language-coverage', 'max-country-share', 'gender-balance'];
export const MAX_HIRES = 10_000;

const MAX_SHORT_TEXT = 200;
const MAX_BASIS_LENGTH = 500;
const WAGE_LEVELS = [1, 2, 3, 4] as const;
const MAX_ANNUAL_WAGE = 10_000_000;
const MAX_COUNTIES_PER_AREA = 4_000;
const MAX_LANGUAGES = 100;
const HIRES_RANGE = [1, MAX_HIRES] as const;

/**
 * The date rule (src/model/dates.ts) applied to a file's dates; absent for the workspace saved in
 * this browser, which was checked when it came in and must never become unreadable.
 */
export interface DateChecks {
  today?: IsoDate;
}

/** A date already read as YYYY-MM-DD, checked against the date rule when `dates` is given. */
function checkDate(date: string | undefined, rule: DateRule, path: string, issues: Issues, dates: DateChecks | undefined): void {
  const problem = dates && date ? dateProblem(date, rule, dates.today) : undefined;
  if (problem) issues.add(path, problem);
}

/**
 * Runs `build` only if reading the fields recorded no new issue; the record's fields the result
 * does not hold are unknown to the app, and said to be left out.
 */
function whenClean<T extends object>(issues: Issues, before: number, record: JsonRecord, path: string, build: () => T): T | undefined {
  if (issues.count !== before) return undefined;
  const built = build();
  for (const key of Object.keys(record)) if (!Object.hasOwn(built, key)) issues.leaveOut(childPath(path, key));
  return built;
}

function readStateCode(value: unknown, path: string, issues: Issues): string | undefined {
  if (typeof value === 'string' && isStateCode(value)) return value;
  issues.expected(path, `a two-letter US state or territory code (${US_STATES.length} known, e.g. "CA", "PR")`, value);
  return undefined;
}

function readCountyFips(value: unknown, path: string, issues: Issues, options: { allowEmpty: boolean }): string | undefined {
  if (typeof value !== 'string') {
    issues.expected(path, 'a five-digit county FIPS code as text', value);
    return undefined;
  }
  if (options.allowEmpty && value === '') return value;
  const problem = countyFipsProblem(value);
  if (problem) issues.add(path, `${problem}, found ${JSON.stringify(value)}`);
  return problem ? undefined : value;
}

/** A county that must lie in the given state (checked only when both read cleanly). */
function checkCountyInState(fips: string | undefined, state: string | undefined, path: string, issues: Issues): void {
  if (fips && state && !countyInState(fips, state)) issues.add(path, `county ${fips} is not in ${state}`);
}

/** A candidate names one specialty; a target may also name a group such as "primary care". */
function readSpecialty(
  value: unknown,
  profession: Profession | undefined,
  path: string,
  issues: Issues,
  allowed: (profession: Profession) => readonly string[],
): string | undefined {
  // Without a valid profession the allowed specialties are unknown; the profession error suffices.
  if (!profession) return typeof value === 'string' ? value : readString(value, path, issues);
  return readEnum(value, allowed(profession), path, issues);
}

export function readServiceArea(value: unknown, path: string, issues: Issues): ServiceArea | undefined {
  const record = readRecord(value, path, issues);
  if (!record) return undefined;
  const before = issues.count;
  const id = readId(record.id, childPath(path, 'id'), issues);
  const name = readString(record.name, childPath(path, 'name'), issues, { maxLength: MAX_SHORT_TEXT, allowEmpty: false });
  const counties = readList(record.counties, childPath(path, 'counties'), issues, MAX_COUNTIES_PER_AREA, (item, itemPath) =>
    readCountyFips(item, itemPath, issues, { allowEmpty: false }),
  );
  const states = readList(record.states, childPath(path, 'states'), issues, US_STATES.length, (item, itemPath) =>
    readStateCode(item, itemPath, issues),
  );
  return whenClean(issues, before, record, path, () => ({ id: id!, name: name!, counties: counties!, states: states! }));
}

export function readRegion(value: unknown, path: string, issues: Issues): RegionRef | undefined {
  const record = readRecord(value, path, issues);
  if (!record) return undefined;
  const kind = readEnum(record.kind, REGION_KINDS, childPath(path, 'kind'), issues);
  const before = issues.count;
  switch (kind) {
    case 'service-area': {
      const id = readId(record.id, childPath(path, 'id'), issues);
      return whenClean(issues, before, record, path, () => ({ kind, id: id! }));
    }
    case 'county': {
      const fips = readCountyFips(record.fips, childPath(path, 'fips'), issues, { allowEmpty: false });
      return whenClean(issues, before, record, path, () => ({ kind, fips: fips! }));
    }
    case 'state': {
      const state = readStateCode(record.state, childPath(path, 'state'), issues);
      return whenClean(issues, before, record, path, () => ({ kind, state: state! }));
    }
    case 'census-region': {
      const name = readEnum(record.name, CENSUS_REGIONS, childPath(path, 'name'), issues);
      return whenClean(issues, before, record, path, () => ({ kind, name: name! }));
    }
    case 'hhs-region': {
      const number = readInteger(record.number, childPath(path, 'number'), issues, 1, 10);
      return whenClean(issues, before, record, path, () => ({ kind, number: number! }));
    }
    case 'site': {
      const name = readString(record.name, childPath(path, 'name'), issues, { maxLength: MAX_SHORT_TEXT, allowEmpty: false });
      const state = readStateCode(record.state, childPath(path, 'state'), issues);
      const countyFips = readCountyFips(record.countyFips, childPath(path, 'countyFips'), issues, { allowEmpty: false });
      checkCountyInState(countyFips, state, childPath(path, 'countyFips'), issues);
      return whenClean(issues, before, record, path, () => ({ kind, name: name!, state: state!, countyFips: countyFips! }));
    }
    default:
      return undefined;
  }
}

export function readTarget(value: unknown, path: string, issues: Issues, dates?: DateChecks): Target | undefined {
  const record = readRecord(value, path, issues);
  if (!record) return undefined;
  const before = issues.count;
  const at = (key: string) => childPath(path, key);
  const id = readId(record.id, at('id'), issues);
  const profession = readEnum(record.profession, PROFESSIONS, at('profession'), issues);
  const specialty = readSpecialty(record.specialty, profession, at('specialty'), issues, targetSpecialtiesFor);
  const region = readRegion(record.region, at('region'), issues);
  const hires = readInteger(record.hires, at('hires'), issues, ...HIRES_RANGE);
  let dueQuarter: string | undefined;
  if (typeof record.dueQuarter === 'string' && isQuarterLabel(record.dueQuarter)) dueQuarter = record.dueQuarter;
  else issues.expected(at('dueQuarter'), 'a quarter such as "2027-Q4"', record.dueQuarter);
  // A due date may be past or ahead; only its year must be plausible.
  checkDate(dueQuarter && quarterEnd(dueQuarter), { happened: false }, at('dueQuarter'), issues, dates);
  const priority = readEnum(record.priority, PRIORITIES, at('priority'), issues);
  const owner = readString(record.owner, at('owner'), issues, { maxLength: MAX_SHORT_TEXT });
  const note = readString(record.note, at('note'), issues);
  const offer = record.offer === undefined ? undefined : readOffer(record.offer, at('offer'), issues, dates);
  return whenClean(issues, before, record, path, () => ({
    id: id!,
    profession: profession!,
    specialty: specialty!,
    region: region!,
    hires: hires!,
    dueQuarter: dueQuarter!,
    priority: priority!,
    owner: owner!,
    note: note!,
    ...(offer ? { offer } : {}),
  }));
}

function readOffer(value: unknown, path: string, issues: Issues, dates: DateChecks | undefined): TargetOffer | undefined {
  const record = readRecord(value, path, issues);
  if (!record) return undefined;
  const before = issues.count;
  const at = (key: string) => childPath(path, key);
  const annualWage = readNumber(record.annualWage, at('annualWage'), issues, 1, MAX_ANNUAL_WAGE);
  const wageLevel = WAGE_LEVELS.find((l) => l === record.wageLevel);
  if (wageLevel === undefined) issues.expected(at('wageLevel'), 'a wage level 1, 2, 3 or 4', record.wageLevel);
  const levelSource = readEnum(record.levelSource, ['estimated', 'confirmed'] as const, at('levelSource'), issues);
  const state = readStateCode(record.state, at('state'), issues);
  const basis = readString(record.basis, at('basis'), issues, { maxLength: MAX_BASIS_LENGTH });
  const savedOn = readIsoDate(record.savedOn, at('savedOn'), issues, { allowEmpty: false });
  checkDate(savedOn, HAPPENED, at('savedOn'), issues, dates);
  return whenClean(issues, before, record, path, () => ({
    annualWage: annualWage!,
    wageLevel: wageLevel!,
    levelSource: levelSource!,
    state: state!,
    basis: basis!,
    savedOn: savedOn!,
  }));
}

function readMeasure(value: unknown, path: string, issues: Issues): DiversityMeasure | undefined {
  const record = readRecord(value, path, issues);
  if (!record) return undefined;
  const kind = readEnum(record.kind, MEASURE_KINDS, childPath(path, 'kind'), issues);
  const before = issues.count;
  const at = (key: string) => childPath(path, key);
  switch (kind) {
    case 'img-share': {
      const minShare = readNumber(record.minShare, at('minShare'), issues, 0, 1);
      return whenClean(issues, before, record, path, () => ({ kind, minShare: minShare! }));
    }
    case 'language-coverage': {
      const languages = readList(record.languages, at('languages'), issues, MAX_LANGUAGES, (item, itemPath) =>
        readString(item, itemPath, issues, { maxLength: MAX_SHORT_TEXT, allowEmpty: false }),
      );
      const minHiresPerLanguage = readInteger(record.minHiresPerLanguage, at('minHiresPerLanguage'), issues, ...HIRES_RANGE);
      return whenClean(issues, before, record, path, () => ({ kind, languages: languages!, minHiresPerLanguage: minHiresPerLanguage! }));
    }
    case 'max-country-share': {
      const maxShare = readNumber(record.maxShare, at('maxShare'), issues, 0, 1);
      return whenClean(issues, before, record, path, () => ({ kind, maxShare: maxShare! }));
    }
    case 'gender-balance': {
      // Two groups cannot each have more than half.
      const minShareEach = readNumber(record.minShareEach, at('minShareEach'), issues, 0, 0.5);
      return whenClean(issues, before, record, path, () => ({ kind, minShareEach: minShareEach! }));
    }
    default:
      return undefined;
  }
}

export function readDiversityTarget(value: unknown, path: string, issues: Issues): DiversityTarget | undefined {
  const record = readRecord(value, path, issues);
  if (!record) return undefined;
  const before = issues.count;
  const id = readId(record.id, childPath(path, 'id'), issues);
  const targetId = record.targetId === null ? null : readId(record.targetId, childPath(path, 'targetId'), issues);
  const measure = readMeasure(record.measure, childPath(path, 'measure'), issues);
  const note = readString(record.note, childPath(path, 'note'), issues);
  return whenClean(issues, before, record, path, () => ({ id: id!, targetId: targetId!, measure: measure!, note: note! }));
}

export function readCandidate(value: unknown, path: string, issues: Issues, dates?: DateChecks): Candidate | undefined {
  const record = readRecord(value, path, issues);
  if (!record) return undefined;
  const before = issues.count;
  const at = (key: string) => childPath(path, key);
  const short = { maxLength: MAX_SHORT_TEXT };
  const id = readId(record.id, at('id'), issues);
  const profession = readEnum(record.profession, PROFESSIONS, at('profession'), issues);
  const specialty = readSpecialty(record.specialty, profession, at('specialty'), issues, specialtiesFor);
  const stage = readEnum(record.stage, STAGES, at('stage'), issues);
  const stageDate = readIsoDate(record.stageDate, at('stageDate'), issues, { allowEmpty: false });
  const visaRoute = readEnum(record.visaRoute, VISA_ROUTES, at('visaRoute'), issues);
  const siteState = readStateCode(record.siteState, at('siteState'), issues);
  const siteCountyFips = readCountyFips(record.siteCountyFips, at('siteCountyFips'), issues, { allowEmpty: true });
  checkCountyInState(siteCountyFips, siteState, at('siteCountyFips'), issues);
  const expectedStart = readIsoDate(record.expectedStart, at('expectedStart'), issues, { allowEmpty: true });
  const countryOfTraining = readString(record.countryOfTraining, at('countryOfTraining'), issues, short);
  const languages = readList(record.languages, at('languages'), issues, MAX_LANGUAGES, (item, itemPath) =>
    readString(item, itemPath, issues, { maxLength: MAX_SHORT_TEXT, allowEmpty: false }),
  );
  const gender = readString(record.gender, at('gender'), issues, short);
  const ecfmgCertified = readBooleanOrNull(record.ecfmgCertified, at('ecfmgCertified'), issues);
  const licenceStatus = readString(record.licenceStatus, at('licenceStatus'), issues, short);
  const ascpi = readBooleanOrNull(record.ascpi, at('ascpi'), issues);
  const visaStatus = readEnum(record.visaStatus, VISA_STATUSES, at('visaStatus'), issues);
  const visaStatusDate = readIsoDate(record.visaStatusDate, at('visaStatusDate'), issues, { allowEmpty: true });
  const availableFrom = readIsoDate(record.availableFrom, at('availableFrom'), issues, { allowEmpty: true });
  const currentStatus = readEnum(record.currentStatus, CURRENT_STATUSES, at('currentStatus'), issues);
  const trainingStatus = readEnum(record.trainingStatus, TRAINING_STATUSES, at('trainingStatus'), issues);
  checkDate(stageDate, HAPPENED, at('stageDate'), issues, dates);
  checkDate(visaStatusDate, HAPPENED, at('visaStatusDate'), issues, dates);
  checkDate(expectedStart, PLANNED, at('expectedStart'), issues, dates);
  checkDate(availableFrom, PLANNED, at('availableFrom'), issues, dates);
  const bachelorsDegree = readBooleanOrNull(record.bachelorsDegree, at('bachelorsDegree'), issues);
  const visaScreen = readBooleanOrNull(record.visaScreen, at('visaScreen'), issues);
  // Added after schema 2: kept when recorded (null included), left out when the record has none.
  const h1bYearsUsed =
    record.h1bYearsUsed == null ? record.h1bYearsUsed : readNumber(record.h1bYearsUsed, at('h1bYearsUsed'), issues, 0, 20);
  return whenClean(issues, before, record, path, () => ({
    id: id!,
    profession: profession!,
    specialty: specialty!,
    stage: stage!,
    stageDate: stageDate!,
    visaRoute: visaRoute!,
    siteState: siteState!,
    siteCountyFips: siteCountyFips!,
    expectedStart: expectedStart!,
    countryOfTraining: countryOfTraining!,
    languages: languages!,
    gender: gender!,
    ecfmgCertified: ecfmgCertified!,
    licenceStatus: licenceStatus!,
    ascpi: ascpi!,
    visaStatus: visaStatus!,
    visaStatusDate: visaStatusDate!,
    availableFrom: availableFrom!,
    currentStatus: currentStatus!,
    trainingStatus: trainingStatus!,
    bachelorsDegree: bachelorsDegree!,
    visaScreen: visaScreen!,
    ...(h1bYearsUsed === undefined ? {} : { h1bYearsUsed }),
  }));
}

/** Reads a top-level list, keeping positions (undefined where an item was invalid) for later checks. */
export function readRecords<T>(
  value: unknown,
  path: string,
  issues: Issues,
  maxLength: number,
  readItem: (item: unknown, itemPath: string, issues: Issues) => T | undefined,
): (T | undefined)[] | undefined {
  const items = readArray(value, path, issues, maxLength);
  return items?.map((item, index) => readItem(item, childPath(path, index), issues));
}
