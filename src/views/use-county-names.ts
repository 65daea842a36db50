import { useMemo } from 'react';
import { countyNameMap, type CountyNames } from '../app/common/county-names';
import { countyNameRows } from '../data/queries/counties';
import { useQuery } from './use-query';

/** County names from the embedded Census table ("Kern County, CA"); empty until the query answers. */
export function useCountyNames(): CountyNames {
  return countyNameMap(useQuery(useMemo(countyNameRows, [])).rows);
}
