// A target as a row: the Targets screen's table and CSV and the report's targets table.
import { LEVEL_NUMERAL } from '../../model/market/offer';
import { specialtyLabel } from '../../model/specialties';
import type { ServiceArea, Target, TargetOffer } from '../../model/types';
import type { CountyNames } from '../common/county-names';
import { professionLabel, regionLabel } from '../common/labels';

export const TARGET_COLUMNS = ['Profession', 'Specialty', 'Region', 'Hires', 'Due', 'Priority', 'Owner', 'Note', 'H-1B offer'] as const;

/** "$85,000 · level II (estimated)": the offer saved from the Market screen, which sets the target's lottery odds. */
export const offerLabel = (o: TargetOffer | undefined): string =>
  o
    ? `$${o.annualWage.toLocaleString('en-US')} · level ${LEVEL_NUMERAL[o.wageLevel]} (${o.levelSource === 'confirmed' ? 'your value' : 'estimated'})`
    : '';

export const targetCells = (
  t: Target,
  areas: readonly ServiceArea[],
  names?: CountyNames,
): [string, string, string, number, string, string, string, string, string] => [
  professionLabel(t),
  specialtyLabel(t.specialty),
  regionLabel(t.region, areas, names),
  t.hires,
  t.dueQuarter,
  t.priority,
  t.owner,
  t.note,
  offerLabel(t.offer),
];
