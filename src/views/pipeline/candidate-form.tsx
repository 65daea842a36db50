import { useEffect, useRef, useState } from 'react';
import { checkCandidateForm, type CandidateFormValues, type FormCheck } from '../../app/pipeline/candidate-form';
import { PIPELINE_DICTIONARY, type PipelineColumn, type RowProblem } from '../../model/pipeline';
import { specialtiesOf } from '../../model/specialties';
import { ROUTES } from '../../model/timing/visa-routes';
import type { Candidate, VisaRoute } from '../../model/types';
import { US_STATES } from '../../model/workspace';
import { useClock } from '../clock-context';
import { useCountyNames } from '../use-county-names';
import { useWorkspace } from '../workspace-context';
import { DictionaryLink } from './data-dictionary';
import { useCountyTypeAhead } from '../county-input';
import type { ZipCounty } from '../../model/zip';
import { SaveOrCancel } from '../save-or-cancel';
import { withPublishers } from '../../model/timing/sources';

type Kind = 'text' | 'date' | 'select' | 'yes-no' | 'number' | 'county';
interface Field {
  column: PipelineColumn;
  label: string;
  kind: Kind;
  hint?: string;
}

const GROUPS: { legend: string; fields: Field[] }[] = [
  {
    legend: 'Who',
    fields: [
      { column: 'candidate_id', label: 'Candidate id', kind: 'text' },
      { column: 'profession', label: 'Profession', kind: 'select' },
      { column: 'specialty', label: 'Specialty or lab role', kind: 'select' },
      { column: 'country_of_training', label: 'Country of training', kind: 'text', hint: 'Blank or “United States” for a US graduate' },
      { column: 'languages', label: 'Languages', kind: 'text', hint: 'Separated by semicolons' },
      { column: 'gender', label: 'Gender', kind: 'text' },
    ],
  },
  {
    legend: 'Recruitment and site',
    fields: [
      { column: 'stage', label: 'Stage', kind: 'select' },
      { column: 'stage_date', label: 'Stage reached on', kind: 'date' },
      { column: 'site_state', label: 'Site state', kind: 'select' },
      {
        column: 'site_county_fips',
        label: 'Site county',
        kind: 'county',
        hint: 'Its name (“Kern County”) or five-digit FIPS code; type a ZIP to find its county',
      },
      { column: 'expected_start', label: 'Planned start', kind: 'date' },
      { column: 'available_from', label: 'Free to start from', kind: 'date', hint: 'Blank: free now' },
    ],
  },
  {
    legend: 'Visa',
    fields: [
      { column: 'visa_route', label: 'Visa route', kind: 'select' },
      { column: 'visa_status', label: 'Last visa step that happened', kind: 'select' },
      { column: 'visa_status_date', label: 'That step happened on', kind: 'date' },
      { column: 'current_status', label: 'Where they are now', kind: 'select' },
      { column: 'h1b_years_used', label: 'Years already on an H-1B', kind: 'number' },
    ],
  },
  {
    legend: 'Training and licence',
    fields: [
      { column: 'training_status', label: 'US residency', kind: 'select' },
      { column: 'ecfmg_certified', label: 'ECFMG-certified', kind: 'yes-no' },
      { column: 'licence_status', label: 'Licence in the site’s state', kind: 'select' },
      { column: 'ascpi', label: 'MLS(ASCPi)-certified (lab)', kind: 'yes-no' },
      { column: 'bachelors_degree', label: 'Bachelor’s degree (lab)', kind: 'yes-no' },
      { column: 'visascreen', label: 'VisaScreen certificate (lab)', kind: 'yes-no' },
    ],
  },
];

const ENTRY = new Map(PIPELINE_DICTIONARY.map((e) => [e.column, e]));
const fieldId = (column: PipelineColumn) => `candidate-field-${column}`;

/** The values a select offers: the dictionary's (its plain names), narrowed where the row's other choices decide. */
function options(column: PipelineColumn, values: CandidateFormValues): { code: string; name: string }[] {
  if (column === 'site_state') return US_STATES.map((s) => ({ code: s.code, name: `${s.name} (${s.code})` }));
  if (column === 'specialty') {
    const profession = values.profession === 'mls' ? 'mls' : 'physician';
    return specialtiesOf(profession).map((s) => ({ code: s.id, name: s.label }));
  }
  const all = ENTRY.get(column)?.values ?? [];
  if (column === 'visa_status') {
    const route = ROUTES[values.visa_route as VisaRoute];
    return route ? all.filter((v) => route.statuses.includes(v.code as never)) : [...all];
  }
  return [...all];
}

/** Coded columns that may be left blank ("not recorded"). */
const OPTIONAL_CODES = new Set<PipelineColumn>(['current_status', 'training_status', 'licence_status']);

/** The site's county: by name or code, or found by ZIP (a ZIP's county fills the county and its state). */
function CountyControl({
  common,
  value,
  set,
  onZip,
}: {
  common: Record<string, unknown>;
  value: string;
  set: (v: string) => void;
  onZip: (county: ZipCounty) => void;
}) {
  const { listId, datalist, hint } = useCountyTypeAhead(value);
  return (
    <>
      <input {...common} type="text" list={listId} autoComplete="off" value={value} onChange={(e) => set(e.target.value)} />
      {datalist}
      {hint(onZip, 'candidate-site-county')}
    </>
  );
}

function Control({
  field,
  values,
  set,
  onZip,
  invalid,
}: {
  field: Field;
  values: CandidateFormValues;
  set: (v: string) => void;
  onZip: (county: ZipCounty) => void;
  invalid: boolean;
}) {
  const value = values[field.column];
  const common = {
    id: fieldId(field.column),
    name: field.column,
    'aria-invalid': invalid || undefined,
    'aria-describedby': `${fieldId(field.column)}-note`,
  };
  if (field.kind === 'county') return <CountyControl common={common} value={value} set={set} onZip={onZip} />;
  if (field.kind === 'select' || field.kind === 'yes-no') {
    const list =
      field.kind === 'yes-no'
        ? [
            { code: 'yes', name: 'Yes' },
            { code: 'no', name: 'No' },
          ]
        : options(field.column, values);
    const known = value === '' || list.some((o) => o.code === value);
    const blank = field.kind === 'yes-no' || OPTIONAL_CODES.has(field.column) || value === '' || field.column === 'specialty';
    return (
      <select {...common} value={value} onChange={(e) => set(e.target.value)}>
        {blank && <option value="">{field.column === 'specialty' ? 'Choose…' : 'Not recorded'}</option>}
        {!known && <option value={value}>{value} (as saved)</option>}
        {list.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      {...common}
      type={field.kind === 'date' ? 'date' : field.kind === 'number' ? 'number' : 'text'}
      {...(field.kind === 'number' ? { min: 0, max: 20, step: 'any' } : {})}
      value={value}
      onChange={(e) => set(e.target.value)}
    />
  );
}

function ProblemList({ problems, onGo }: { problems: RowProblem[]; onGo: (column: PipelineColumn) => void }) {
  return (
    <ul>
      {problems.map((p, i) => (
        <li key={i}>
          {p.column ? (
            <>
              <button type="button" className="link" onClick={() => onGo(p.column as PipelineColumn)}>
                {p.column}
              </button>
              {p.value ? ` (${p.value})` : ''}: {withPublishers(p.message)} <DictionaryLink column={p.column as PipelineColumn} />
            </>
          ) : (
            withPublishers(p.message)
          )}
        </li>
      ))}
    </ul>
  );
}

export type FormMode =
  { kind: 'add' | 'duplicate'; values: CandidateFormValues } | { kind: 'edit'; values: CandidateFormValues; id: string };

const TITLES = { add: 'Add a candidate', duplicate: 'Add a copy', edit: 'Edit candidate' } as const;

/**
 * One candidate's form, read by the importer's own rules and messages: errors keep it from being
 * saved, warnings are saved with it and said. Saved through the workspace (so it is kept and
 * forecast like an imported row).
 */
export function CandidateForm({
  mode,
  onSaved,
  onCancel,
}: {
  mode: FormMode;
  onSaved: (candidate: Candidate, warnings: RowProblem[], editing: string | null) => void;
  onCancel: () => void;
}) {
  const { workspace } = useWorkspace();
  const today = useClock().today();
  const names = useCountyNames();
  const [values, setValues] = useState(mode.values);
  const [check, setCheck] = useState<FormCheck | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const editing = mode.kind === 'edit' ? mode.id : null;
  const update = (next: CandidateFormValues) => {
    setValues(next);
    if (check) setCheck(checkCandidateForm(next, { saved: workspace.candidates, editing, today, names }));
  };
  const set = (column: PipelineColumn) => (v: string) => {
    const next = { ...values, [column]: v };
    // A profession change empties a specialty the other profession does not have.
    if (column === 'profession' && !options('specialty', next).some((o) => o.code === next.specialty)) next.specialty = '';
    update(next);
  };
  const chooseZipCounty = (c: ZipCounty) => update({ ...values, site_county_fips: c.label, site_state: c.state });
  const go = (column: PipelineColumn) => document.getElementById(fieldId(column))?.focus();
  const submit = () => {
    const result = checkCandidateForm(values, { saved: workspace.candidates, editing, today, names });
    setCheck(result);
    if (result.candidate) onSaved(result.candidate, result.warnings, editing);
    else setTimeout(() => summary.current?.focus());
  };
  const errorsOf = (column: PipelineColumn) => check?.errors.filter((e) => e.column === column) ?? [];
  return (
    <section className="card candidate-form" aria-labelledby="candidate-form-title" data-testid="candidate-form">
      <h2 id="candidate-form-title" tabIndex={-1} ref={heading}>
        {TITLES[mode.kind]}
        {mode.kind === 'edit' ? ` ${mode.id}` : ''}
      </h2>
      <p className="note">
        Checked exactly as a row of an imported CSV: the same rules and messages. Saved in this browser with the workspace, then forecast
        with the others.
      </p>
      {check && check.errors.length > 0 && (
        <div className="msg error" role="alert" tabIndex={-1} ref={summary} data-testid="candidate-form-errors">
          <p>Not saved: {check.errors.length === 1 ? 'one problem' : `${check.errors.length} problems`}, as the importer reports them.</p>
          <ProblemList problems={check.errors} onGo={go} />
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        {GROUPS.map((group) => (
          <fieldset key={group.legend} className="form-grid">
            <legend>{group.legend}</legend>
            {group.fields.map((field) => {
              const errors = errorsOf(field.column);
              return (
                <div key={field.column} className={errors.length ? 'field invalid' : 'field'}>
                  <label htmlFor={fieldId(field.column)}>{field.label}</label>
                  <Control field={field} values={values} set={set(field.column)} onZip={chooseZipCounty} invalid={errors.length > 0} />
                  <span id={`${fieldId(field.column)}-note`} className="field-note">
                    {errors.map((e) => (
                      <span key={e.message} className="field-error">
                        {withPublishers(e.message)}{' '}
                      </span>
                    ))}
                    {field.hint && <span className="id">{field.hint}. </span>}
                    <span className="id">
                      Column <code>{field.column}</code>
                    </span>
                  </span>
                </div>
              );
            })}
          </fieldset>
        ))}
        <SaveOrCancel label="Save candidate" testId="candidate-save" onCancel={onCancel} />
      </form>
    </section>
  );
}
