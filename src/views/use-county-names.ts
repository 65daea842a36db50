import { useMemo } from 'react';
import { countyNameMap, type CountyNames } from '../app/common/county-names';
import { countyNameRows } from '../data/queries/counties';
import { useQuery } from './use-query';

/**
 * County names from the embedded Census table ("Kern County, CA"); empty until the query answers.
 * `needed` false: not asked (the views on every screen ask only when they name a county, so they
 * do not start the engine before the first screen is drawn: boot.ts).
 */
export function useCountyNames(needed = true): CountyNames {
  return countyNameMap(useQuery(useMemo(() => (needed ? countyNameRows() : null), [needed])).rows);
}
