/**
 * Mapping UTF-16 offsets of a note to 1-based line and column numbers for terminal output.
 * Lines end at LF, CRLF or a lone CR; columns count UTF-16 code units, as the offsets do.
 */

/** Line starts of one text, built once and queried per finding. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */ || (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  /** The 1-based line and column of a UTF-16 offset (clamped to the text's lines). */
  position(offset: number): { line: number; column: number } {
    offset = Math.max(0, offset);
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] as number) + 1 };
  }
}
