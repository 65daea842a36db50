import type { RegionRef, ServiceArea } from '../model/types';
import { stateByCode } from '../model/workspace';

export function regionLabel(r: RegionRef, areas: readonly ServiceArea[]): string {
  switch (r.kind) {
    case 'service-area':
      return `Service area: ${areas.find((a) => a.id === r.id)?.name ?? '(deleted)'}`;
    case 'state':
      return stateByCode(r.state)?.name ?? r.state;
    case 'county':
      return `County ${r.fips}`;
    case 'census-region':
      return `Census region: ${r.name}`;
    case 'hhs-region':
      return `HHS Region ${r.number}`;
    case 'site':
      return `${r.name} (${r.state})`;
  }
}
