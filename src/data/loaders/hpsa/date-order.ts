// HRSA publishes dates as MM/DD/YYYY, but a spreadsheet re-save under a non-US locale turns the
// date-typed columns into DD/MM/YYYY (seen in the real California file). The order is decided from
// the file's own values, never assumed.

export type DateOrder = 'MDY' | 'DMY' | 'ISO';

export interface DateEvidence {
  /** Slash dates whose first part is > 12 (only possible day-first). */
  firstOver12: number;
  /** Slash dates whose second part is > 12 (only possible month-first). */
  secondOver12: number;
  iso: number;
  total: number;
  /** Rows where the warehouse date equals its MM/DD/YYYY text companion as written / with day and month swapped. */
  sameAsMdyText: number;
  swappedFromMdyText: number;
}

/** `decisive`: the values themselves settle the order (not a default for dates that read either way). */
export type DateDecision = { ok: true; order: DateOrder; why: string; decisive: boolean } | { ok: false; why: string };

export function decideDateOrder(e: DateEvidence): DateDecision {
  if (e.total === 0) return { ok: true, order: 'MDY', why: 'no dates in the file', decisive: false };
  if (e.iso === e.total) return { ok: true, order: 'ISO', why: 'all dates are YYYY-MM-DD', decisive: true };
  if (e.firstOver12 > 0 && e.secondOver12 > 0) {
    return {
      ok: false,
      why: `dates mix day-first and month-first: ${e.firstOver12} have a first part over 12 and ${e.secondOver12} a second part over 12`,
    };
  }
  if (e.firstOver12 > 0)
    return { ok: true, order: 'DMY', why: `${e.firstOver12} dates have a first part over 12, so they are DD/MM/YYYY`, decisive: true };
  if (e.secondOver12 > 0)
    return { ok: true, order: 'MDY', why: `${e.secondOver12} dates have a second part over 12, so they are MM/DD/YYYY`, decisive: true };
  // Every day is ≤ 12: fall back on the warehouse date's text companion, which HRSA always writes MM/DD/YYYY.
  if (e.swappedFromMdyText > 0 && e.sameAsMdyText === 0) {
    return { ok: true, order: 'DMY', why: 'dates are day-first compared with the MM/DD/YYYY text column', decisive: true };
  }
  return { ok: true, order: 'MDY', why: 'no date has a part over 12; read as MM/DD/YYYY, the order HRSA publishes', decisive: false };
}

export const DATE_ORDER_LABEL: Record<DateOrder, string> = { MDY: 'MM/DD/YYYY', DMY: 'DD/MM/YYYY', ISO: 'YYYY-MM-DD' };
