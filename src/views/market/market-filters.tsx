import { useMemo } from 'react';
import { filterOptions } from '../../data/queries/shortage';
import { occupationOptions, regionFromParam, regionToParam, type MarketView } from '../../model/market/market-view';
import { useQuery } from '../use-query';
import { useWorkspace } from '../workspace-context';

const CENSUS_REGIONS = ['Northeast', 'Midwest', 'South', 'West'];

/** Occupation or specialty, and where: the nation, a state, a Census or HHS region, or a service area. */
export function MarketFilters({ view, onChange }: { view: MarketView; onChange: (v: MarketView) => void }) {
  const states = useQuery(useMemo(filterOptions, [])).rows ?? [];
  const { workspace } = useWorkspace();
  const groups = useMemo(occupationOptions, []);
  return (
    <form className="filters card market-filters" aria-label="Market filters" onSubmit={(e) => e.preventDefault()}>
      <h2>Market</h2>
      <label>
        Occupation or specialty
        <select data-testid="market-occupation" value={view.occupation} onChange={(e) => onChange({ ...view, occupation: e.target.value })}>
          {groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label>
        Where
        <select
          data-testid="market-region"
          value={regionToParam(view.region)}
          onChange={(e) => onChange({ ...view, region: regionFromParam(e.target.value) })}
        >
          <option value="">United States</option>
          <optgroup label="States">
            {states.map((s) => (
              <option key={s.state} value={`state:${s.state}`}>
                {s.state_name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Census regions">
            {CENSUS_REGIONS.map((r) => (
              <option key={r} value={`census:${r}`}>
                Census region: {r}
              </option>
            ))}
          </optgroup>
          <optgroup label="HHS regions">
            {Array.from({ length: 10 }, (_, i) => (
              <option key={i} value={`hhs:${i + 1}`}>
                HHS Region {i + 1}
              </option>
            ))}
          </optgroup>
          {workspace.serviceAreas.length > 0 && (
            <optgroup label="Your service areas">
              {workspace.serviceAreas.map((a) => (
                <option key={a.id} value={`area:${a.id}`}>
                  {a.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
    </form>
  );
}
