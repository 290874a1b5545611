/** Splits a byte stream into lines (LF or CRLF); a partial line waits for more input. */
export interface LineSplitter {
  readonly push: (chunk: Uint8Array | string) => void;
  /** Emits a last unterminated line, if any. */
  readonly end: () => void;
}

/** Whether `line` holds nothing but whitespace (blank lines between messages are skipped). */
const isBlank = (line: string): boolean => line.length === 0 || line.trim() === '';

/** Creates a splitter that calls `onLine` with each non-empty line. */
export const createLineSplitter = (onLine: (line: string) => void): LineSplitter => {
  const decoder = new TextDecoder();
  let buffer = '';
  const emit = (line: string) => {
    const trimmed = line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
    if (!isBlank(trimmed)) onLine(trimmed);
  };
  return {
    push: (chunk) => {
      buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      // Scans from an index and cuts the buffer once per chunk, not once per line.
      let start = 0;
      let newline = buffer.indexOf('\n');
      while (newline !== -1) {
        emit(buffer.slice(start, newline));
        start = newline + 1;
        newline = buffer.indexOf('\n', start);
      }
      if (start > 0) buffer = buffer.slice(start);
    },
    end: () => {
      buffer += decoder.decode();
      const rest = buffer;
      buffer = '';
      emit(rest);
    },
  };
};
