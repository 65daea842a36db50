// How the report names a target in charts and tables: specialty and region, as on the Pipeline screen.
import type { ServiceArea, Target } from '../model/types';
import { regionLabel } from '../views/region-label';

export function targetLabel(target: Target, areas: readonly ServiceArea[]): string {
  return `${target.specialty} — ${regionLabel(target.region, areas)}`;
}

export const professionLabel = (target: Pick<Target, 'profession'>) => (target.profession === 'mls' ? 'Lab scientist' : 'Physician');
