import { useState, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> & {
  value: number;
  /** The number typed; NaN while the text is not one (empty, "-"): the form then says what to fix. */
  onChange: (value: number) => void;
};

/**
 * A number field that keeps what is typed. Bound straight to a number, an emptied field showed 0
 * and typing "-5" gave "05", saved as 5; here the text stays as typed and the form checks it.
 */
export function NumberInput({ value, onChange, ...rest }: Props) {
  const [text, setText] = useState(() => (Number.isFinite(value) ? String(value) : ''));
  const typed = text.trim() === '' ? NaN : Number(text);
  // A value set from outside (a reset, a choice elsewhere) replaces the text.
  const shown = Object.is(typed, value) || !Number.isFinite(value) ? text : String(value);
  return (
    <input
      {...rest}
      type="number"
      value={shown}
      onChange={(e) => {
        setText(e.target.value);
        onChange(e.target.value.trim() === '' ? NaN : Number(e.target.value));
      }}
    />
  );
}
