// Physical line numbers for CSV rows, as a text editor shows them (LF, CRLF and lone CR each end a line).

const LF = 10;
const CR = 13;

export function countLineBreaks(text: string, from = 0, to = text.length): number {
  let breaks = 0;
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i);
    if (code === LF || (code === CR && text.charCodeAt(i + 1) !== LF)) breaks += 1;
  }
  return breaks;
}

/** Counts line breaks up to increasing offsets without rescanning the text. */
export class LineCounter {
  private position = 0;
  private breaks = 0;

  constructor(private readonly text: string) {}

  /** Line breaks before `offset`; offsets must not decrease between calls. */
  breaksBefore(offset: number): number {
    this.breaks += countLineBreaks(this.text, this.position, offset);
    this.position = Math.max(this.position, offset);
    return this.breaks;
  }

  /** Length of the line break ending just before `offset` (0, 1 or 2). */
  breakEndingAt(offset: number): number {
    const last = this.text.charCodeAt(offset - 1);
    if (last === LF) return this.text.charCodeAt(offset - 2) === CR ? 2 : 1;
    return last === CR ? 1 : 0;
  }
}
