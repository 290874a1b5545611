/** Splits a byte stream into lines (LF or CRLF); a partial line waits for more input. */
export interface LineSplitter {
  readonly push: (chunk: Uint8Array | string) => void;
  /** Emits a last unterminated line, if any. */
  readonly end: () => void;
}

/** Creates a splitter that calls `onLine` with each non-empty line. */
export const createLineSplitter = (onLine: (line: string) => void): LineSplitter => {
  const decoder = new TextDecoder();
  let buffer = '';
  const emit = (line: string) => {
    const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (trimmed.trim() !== '') onLine(trimmed);
  };
  return {
    push: (chunk) => {
      buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      let newline = buffer.indexOf('\n');
      while (newline !== -1) {
        emit(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
      }
    },
    end: () => {
      buffer += decoder.decode();
      const rest = buffer;
      buffer = '';
      emit(rest);
    },
  };
};
