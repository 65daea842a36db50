/** A form's last row: submit under the form's own words, or leave it unchanged. */
export function SaveOrCancel({ label, testId, onCancel }: { label: string; testId: string; onCancel: () => void }) {
  return (
    <div className="button-row">
      <button type="submit" data-testid={testId}>
        {label}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
