// A target as a row: the Targets screen's table and CSV and the report's targets table.
import { specialtyLabel } from '../model/specialties';
import type { ServiceArea, Target } from '../model/types';
import type { CountyNames } from './county-names';
import { professionLabel, regionLabel } from './labels';

export const TARGET_COLUMNS = ['Profession', 'Specialty', 'Region', 'Hires', 'Due', 'Priority', 'Owner', 'Note'] as const;

export const targetCells = (
  t: Target,
  areas: readonly ServiceArea[],
  names?: CountyNames,
): [string, string, string, number, string, string, string, string] => [
  professionLabel(t),
  specialtyLabel(t.specialty),
  regionLabel(t.region, areas, names),
  t.hires,
  t.dueQuarter,
  t.priority,
  t.owner,
  t.note,
];
