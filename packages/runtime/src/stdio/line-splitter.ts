/** Splits a byte stream into lines (LF or CRLF); a partial line waits for more input. */
export interface LineSplitter {
  readonly push: (chunk: Uint8Array | string) => void;
  /** Emits a last unterminated line, if any. */
  readonly end: () => void;
}

/** Options of {@link createLineSplitter}. */
export interface LineSplitterOptions {
  /** Longest line kept, in bytes (newline excluded). Default unlimited. */
  readonly maxLineBytes?: number;
  /**
   * Called once per line that grew past `maxLineBytes`, as soon as it did;
   * the rest of that line is then discarded up to its newline, so memory
   * never holds more than `maxLineBytes` of it.
   */
  readonly onOversized?: (maxLineBytes: number) => void;
}

const LF = 10;
const CR = 13;

/** Whether `line` holds nothing but whitespace (blank lines between messages are skipped). */
const isBlank = (line: string): boolean => line.length === 0 || line.trim() === '';

/** The parts of a line, joined into one array (no copy for a single part). */
const join = (parts: readonly Uint8Array[], bytes: number): Uint8Array => {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const line = new Uint8Array(bytes);
  let offset = 0;
  for (const part of parts) {
    line.set(part, offset);
    offset += part.length;
  }
  return line;
};

/**
 * Creates a splitter that calls `onLine` with each non-empty line. Work is
 * linear in the input: each byte is searched for a newline once, and a line
 * that spans many chunks is joined once, when its newline arrives. A newline
 * byte never occurs inside a multi-byte UTF-8 character, so each line is
 * decoded on its own (invalid bytes become U+FFFD, as before).
 */
export const createLineSplitter = (onLine: (line: string) => void, options: LineSplitterOptions = {}): LineSplitter => {
  const max = options.maxLineBytes ?? Number.POSITIVE_INFINITY;
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  // The current line's bytes so far, and whether it is being discarded.
  let parts: Uint8Array[] = [];
  let pending = 0;
  let discarding = false;

  const emitText = (text: string) => {
    const line = text.charCodeAt(text.length - 1) === CR ? text.slice(0, -1) : text;
    if (!isBlank(line)) onLine(line);
  };
  const emit = (bytes: Uint8Array) => emitText(decoder.decode(bytes));
  /** Emits the complete lines of `region` (no newline at its end), each under the cap. */
  const emitLines = (region: Uint8Array) => {
    // One decode for the whole region, then a string scan: cheaper per line
    // than one decode each. Safe because no line is longer than the region.
    const text = decoder.decode(region);
    let from = 0;
    let newline = text.indexOf('\n');
    while (newline !== -1) {
      emitText(text.slice(from, newline));
      from = newline + 1;
      newline = text.indexOf('\n', from);
    }
    emitText(text.slice(from));
  };
  const overflow = () => {
    parts = [];
    pending = 0;
    discarding = true;
    options.onOversized?.(max);
  };
  /** Adds `segment` to the current line; false once the line is over the cap. */
  const keep = (segment: Uint8Array): boolean => {
    if (discarding) return false;
    if (pending + segment.length > max) {
      overflow();
      return false;
    }
    if (segment.length > 0) {
      parts.push(segment);
      pending += segment.length;
    }
    return true;
  };
  const finishLine = () => {
    if (!discarding && pending > 0) emit(join(parts, pending));
    parts = [];
    pending = 0;
    discarding = false;
  };

  return {
    push: (chunk) => {
      const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
      let newline = bytes.indexOf(LF);
      if (newline === -1) {
        keep(bytes);
        return;
      }
      // The end of the line in progress.
      if (pending === 0 && !discarding) {
        if (newline > max) overflow();
        else emit(bytes.subarray(0, newline));
      } else keep(bytes.subarray(0, newline));
      finishLine();
      let start = newline + 1;
      const last = bytes.lastIndexOf(LF);
      if (last >= start && last - start <= max) {
        // Every whole line between here and the last newline, at once.
        emitLines(bytes.subarray(start, last));
        start = last + 1;
      } else {
        // Lines that may be over the cap (a huge chunk or a small cap): one by one.
        newline = bytes.indexOf(LF, start);
        while (newline !== -1) {
          if (newline - start > max) overflow();
          else emit(bytes.subarray(start, newline));
          finishLine();
          start = newline + 1;
          newline = bytes.indexOf(LF, start);
        }
      }
      // A chunk from a stream is never reused, so keeping a view of it is safe.
      if (start < bytes.length) keep(bytes.subarray(start));
    },
    end: finishLine,
  };
};
