import { useMemo } from 'react';
import {
  DISCIPLINES,
  LAB_EMPLOYMENT_VINTAGES,
  METRIC_GROUPS,
  METRICS,
  STATUS_OPTIONS,
  withLevel,
  type MapView,
  type Metric,
} from '../../model/map-view';
import { supplyVintageOptions } from '../../app/map/supply-figures';
import { availableHpsaMetrics, sourceKey, sourceLabel, sourcesFor, type HpsaSource } from '../../model/hpsa-sources';
import { specialtyLabel } from '../../model/specialties';
import { filterOptions, specialtyOptions } from '../../data/queries/shortage';
import { regionFilterOptions } from '../../app/map/map-filters';
import { useQuery } from '../use-query';
import { FoldOnPhone } from '../fold-on-phone';

interface FilterProps {
  view: MapView;
  onChange: (v: MapView) => void;
}

/** Level, metric, discipline or specialty, and the vintage the map shows. */
function WhatToShow({ view, onChange, sources, main }: FilterProps & { sources: readonly HpsaSource[]; main: HpsaSource | null }) {
  const specialties = useQuery(useMemo(specialtyOptions, [])).rows ?? [];
  const set = <K extends keyof MapView>(k: K, v: MapView[K]) => onChange({ ...view, [k]: v });
  const kind = METRICS[view.metric].kind;
  const hpsaMetrics = new Set(availableHpsaMetrics(view, sources));
  const shown = (m: Metric) =>
    (METRICS[m].levels as readonly string[]).includes(view.level) &&
    (METRICS[m].kind !== 'hpsa' || hpsaMetrics.has(m) || m === view.metric);
  const vintages =
    kind === 'hpsa'
      ? sourcesFor(view, sources).map((s) => ({ value: sourceKey(s), label: sourceLabel(s) }))
      : view.metric === 'lab_employment'
        ? LAB_EMPLOYMENT_VINTAGES.map((v) => ({ value: v.asOf, label: `BLS OEWS, ${v.label}` }))
        : supplyVintageOptions(view);
  const vintage = kind === 'hpsa' ? (main ? sourceKey(main) : '') : view.asOf || (vintages[0]?.value ?? '');
  return (
    <>
      <fieldset>
        <legend>Level</legend>
        {(['state', 'county'] as const).map((l) => (
          <label key={l} className="radio">
            <input type="radio" name="level" value={l} checked={view.level === l} onChange={() => onChange(withLevel(view, l))} />{' '}
            {l === 'county' ? 'Counties' : 'States'}
          </label>
        ))}
      </fieldset>
      <label>
        Colour by
        <select
          data-testid="filter-metric"
          value={view.metric}
          onChange={(e) => onChange({ ...view, metric: e.target.value as Metric, asOf: '' })}
        >
          {METRIC_GROUPS.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {(Object.keys(METRICS) as Metric[])
                .filter((m) => g.kinds.includes(METRICS[m].kind) && shown(m))
                .map((m) => (
                  <option key={m} value={m}>
                    {METRICS[m].label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      {kind === 'hpsa' && (
        <label>
          Discipline
          <select
            data-testid="filter-discipline"
            value={view.discipline}
            onChange={(e) => onChange({ ...view, discipline: e.target.value as MapView['discipline'], asOf: '' })}
          >
            {DISCIPLINES.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </label>
      )}
      {kind === 'specialty' && (
        <label>
          Specialty (AAMC publishes state counts for these)
          <select data-testid="filter-specialty" value={view.specialty} onChange={(e) => set('specialty', e.target.value)}>
            {specialties.map((s) => (
              <option key={s.specialty} value={s.specialty}>
                {specialtyLabel(s.specialty)}
              </option>
            ))}
          </select>
        </label>
      )}
      {vintages.length > 1 && (
        <label>
          Figures as of
          <select data-testid="filter-vintage" value={vintage} onChange={(e) => set('asOf', e.target.value)}>
            {vintages.map((v) => (
              <option key={v.value} value={v.value}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}

/** A county's own rurality (USDA RUCC 2023): detail files' designations, and counties' provider figures. */
function RuralFilter({ view, onChange }: FilterProps) {
  return (
    <label>
      Rural or metro county (USDA RUCC 2023)
      <select
        data-testid="filter-rural"
        value={view.rural}
        onChange={(e) => onChange({ ...view, rural: e.target.value as MapView['rural'] })}
      >
        <option value="all">All counties</option>
        <option value="rural">Rural (nonmetro)</option>
        <option value="metro">Metro</option>
      </select>
    </label>
  );
}

/** Status, type and rurality: figures of a detail file only (HRSA's state summaries count every designated HPSA). */
function DesignationFilters({ view, onChange }: FilterProps) {
  const set = <K extends keyof MapView>(k: K, v: MapView[K]) => onChange({ ...view, [k]: v });
  return (
    <>
      <RuralFilter view={view} onChange={onChange} />
      <h2>Designations</h2>
      <fieldset>
        <legend>Status</legend>
        {STATUS_OPTIONS.map((s) => (
          <label key={s} className="checkbox">
            <input
              type="checkbox"
              checked={view.statuses.includes(s)}
              onChange={(e) => set('statuses', e.target.checked ? [...view.statuses, s] : view.statuses.filter((x) => x !== s))}
            />{' '}
            {s}
          </label>
        ))}
      </fieldset>
      <label>
        Type
        <select
          data-testid="filter-type"
          value={view.designationClass}
          onChange={(e) => set('designationClass', e.target.value as MapView['designationClass'])}
        >
          <option value="all">All designations</option>
          <option value="area">Geographic and population HPSAs</option>
          <option value="facility">Facility HPSAs (health centers, clinics, prisons)</option>
        </select>
      </label>
    </>
  );
}

/** Region filters: state, Census region and division, HHS region. */
function RegionFilters({ view, onChange }: FilterProps) {
  const states = useQuery(useMemo(filterOptions, [])).rows ?? [];
  const set = <K extends keyof MapView>(k: K, v: MapView[K]) => onChange({ ...view, [k]: v });
  const options = regionFilterOptions(states, view.censusRegion);
  return (
    <>
      <label>
        State
        <select
          data-testid="filter-state"
          value={view.states[0] ?? ''}
          onChange={(e) => set('states', e.target.value ? [e.target.value] : [])}
        >
          <option value="">All states</option>
          {states.map((s) => (
            <option key={s.state} value={s.state}>
              {s.state_name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Census region
        <select
          data-testid="filter-region"
          value={view.censusRegion}
          onChange={(e) => onChange({ ...view, censusRegion: e.target.value, censusDivision: '' })}
        >
          <option value="">All</option>
          {options.censusRegions.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <label>
        Census division
        <select data-testid="filter-division" value={view.censusDivision} onChange={(e) => set('censusDivision', e.target.value)}>
          <option value="">All</option>
          {options.censusDivisions.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <label>
        HHS region
        <select data-testid="filter-hhs" value={view.hhsRegion} onChange={(e) => set('hhsRegion', e.target.value)}>
          <option value="">All</option>
          {options.hhsRegions.map((r) => (
            <option key={r} value={String(r)}>
              Region {r}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

export function MapFilters({ view, onChange, sources, main }: FilterProps & { sources: readonly HpsaSource[]; main: HpsaSource | null }) {
  const hpsa = METRICS[view.metric].kind === 'hpsa';
  return (
    <form className="filters card" aria-label="Map filters" onSubmit={(e) => e.preventDefault()}>
      <FoldOnPhone title="View and filters">
        <h2>View</h2>
        <WhatToShow view={view} onChange={onChange} sources={sources} main={main} />
        <h2>Region</h2>
        <RegionFilters view={view} onChange={onChange} />
        {hpsa && main?.kind === 'detail' && <DesignationFilters view={view} onChange={onChange} />}
        {METRICS[view.metric].kind === 'supply' && view.level === 'county' && <RuralFilter view={view} onChange={onChange} />}
        {hpsa && main?.kind === 'summary' && (
          <p className="note" data-testid="summary-filters-note">
            HRSA&rsquo;s state summary counts every designated HPSA; the status, type and rural filters apply to detail files (county level,
            or a loaded national file).
          </p>
        )}
      </FoldOnPhone>
    </form>
  );
}
