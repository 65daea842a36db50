import { formatValue, sourcesText } from '../../app/pipeline/assumption-rows';
import { ASSUMPTION_META, basisOf, type Assumptions } from '../../model/timing/assumptions';

const BADGE = { confirmed: 'upload', assumption: 'estimate', 'your value': 'warn' } as const;

function Input({ id, name, value, onChange }: { id: string; name: keyof Assumptions; value: unknown; onChange: (v: unknown) => void }) {
  const meta = ASSUMPTION_META[name];
  if (meta.kind === 'boolean')
    return <input id={id} type="checkbox" checked={value as boolean} onChange={(e) => onChange(e.target.checked)} />;
  if (meta.kind === 'choice') {
    const labels: Readonly<Record<string, string>> = meta.optionLabels;
    return (
      <select id={id} value={value as string} onChange={(e) => onChange(e.target.value)}>
        {meta.options.map((o) => (
          <option key={o} value={o}>
            {labels[o]}
          </option>
        ))}
      </select>
    );
  }
  if (meta.kind === 'number')
    return (
      <input
        id={id}
        type="number"
        min={meta.min}
        max={meta.max}
        step={meta.integer ? 1 : 'any'}
        value={value as number}
        onChange={(e) => onChange(e.target.value === '' ? NaN : Number(e.target.value))}
      />
    );
  return <input id={id} type="text" value={value as string} onChange={(e) => onChange(e.target.value)} />;
}

/**
 * One assumption: its input, and its basis — the source, the word "assumption" with the reason, or
 * "your value"; `hint` says what the value means today (e.g. a window that has passed).
 */
export function AssumptionField({
  name,
  value,
  onChange,
  hint,
}: {
  name: keyof Assumptions;
  value: unknown;
  onChange: (v: unknown) => void;
  hint?: string;
}) {
  const meta = ASSUMPTION_META[name];
  const id = `assumption-${name}`;
  const basis = basisOf(name, value);
  return (
    <tr data-assumption={name}>
      <td>
        <label htmlFor={id}>{meta.label}</label>
        <div className="note">{meta.note}</div>
        {hint && (
          <div className="note" data-testid={`assumption-hint-${name}`}>
            {hint}
          </div>
        )}
      </td>
      <td>
        <Input id={id} name={name} value={value} onChange={onChange} /> {meta.kind === 'number' && <span className="id">{meta.unit}</span>}
      </td>
      <td data-col="basis">
        <span className={`badge ${BADGE[basis]}`}>{basis}</span>
        {basis === 'your value' && (
          <span className="note">
            {' '}
            default {formatValue(meta.default, meta)} ({meta.confidence})
          </span>
        )}
        <div className="note">{sourcesText(meta.sources)}</div>
      </td>
    </tr>
  );
}
