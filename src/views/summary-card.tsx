import type { CSSProperties } from 'react';

/**
 * One headline figure and what it counts. The figure is set on one line, as large as its card's
 * width allows for its length (a national population has thirteen characters), never cut off.
 */
export function SummaryCard({ name, value, label }: { name: string; value: string; label: string }) {
  return (
    <div className="summary-card" data-card={name}>
      <span className="big" style={{ '--chars': value.length } as CSSProperties}>
        {value}
      </span>
      <span className="label">{label}</span>
    </div>
  );
}
