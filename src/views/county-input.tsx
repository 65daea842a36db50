import { useId, useState } from 'react';
import { findCounty, searchCounties, type County } from '../app/common/county-names';
import { countyProblem } from '../app/targets/target-draft';
import { useCountyNames } from './use-county-names';

/** A county typed by name, with type-ahead from the Census county table ("Kern County, CA"). */
export function CountyInput({
  label,
  value,
  onChange,
  onEnter,
  testId,
}: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  onEnter?: () => void;
  testId?: string;
}) {
  const names = useCountyNames();
  const listId = useId();
  return (
    <label>
      {label}
      <input
        type="text"
        list={listId}
        value={value}
        maxLength={120}
        autoComplete="off"
        placeholder="e.g. Kern County, CA"
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && onEnter) {
            e.preventDefault();
            onEnter();
          }
        }}
        data-testid={testId}
      />
      <datalist id={listId}>
        {searchCounties(value, names, 12).map((c) => (
          <option key={c.fips} value={c.label} />
        ))}
      </datalist>
    </label>
  );
}

/** A county typed by name and added with a button (or Enter). */
export function CountyPicker({ label, onPick, testId }: { label: string; onPick: (county: County) => void; testId: string }) {
  const names = useCountyNames();
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  function pick() {
    if (!text.trim()) return;
    const county = findCounty(text, names);
    if (!county) return setError(countyProblem(text));
    onPick(county);
    setText('');
    setError('');
  }
  return (
    <div className="county-picker">
      <div className="inline-form">
        <CountyInput label={label} value={text} onChange={setText} onEnter={pick} testId={testId} />
        <button type="button" className="secondary" onClick={pick} disabled={!text.trim()} data-testid={`${testId}-add`}>
          Add
        </button>
      </div>
      {error && (
        <p className="msg error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
