import { useClock } from '../clock-context';

/** A date to act by; one already past (in the user's local date) is flagged, since the step it names is late. */
export function ActionDate({ date }: { date: string | null }) {
  const today = useClock().today();
  if (!date) return <>—</>;
  return date < today ? (
    <>
      {date} <span className="badge warn">overdue</span>
    </>
  ) : (
    <>{date}</>
  );
}
