// Suggested targets for a service area: its shortage figures (HPSA FTE needed, estimated
// specialty and lab gaps) as the suggestion rules read them.
import type { AreaShortageRow } from '../data/queries/service-area';
import type { ShortageFigure } from '../model/targets';
import { specialtyInfo, type SpecialtyId } from '../model/specialties';

/** Under half an FTE is rounding noise in the estimates, not a hire to plan. */
export const MIN_FTE = 0.5;

export function shortageFigures(rows: readonly AreaShortageRow[]): { figures: ShortageFigure[]; belowMinimum: number } {
  const all = rows.flatMap((r): ShortageFigure[] => {
    if (r.source === 'HPSA')
      return [{ source: 'HPSA', discipline: r.name, fteNeeded: r.fte_needed, designations: r.designations ?? 0, estimate: false }];
    if (r.source === 'specialty gap') {
      // The reference table's "primary care" row counts family medicine only (AAMC's family medicine/general practice).
      const specialty = r.name === 'primary care' ? 'family medicine' : r.name;
      return specialtyInfo(specialty)
        ? [{ source: 'specialty gap', specialty: specialty as SpecialtyId, fteNeeded: r.fte_needed, estimate: true }]
        : [];
    }
    return [{ source: 'lab workforce gap', fteNeeded: r.fte_needed, estimate: true }];
  });
  const figures = all.filter((f) => f.fteNeeded >= MIN_FTE);
  return { figures, belowMinimum: all.length - figures.length };
}
