/** Writes to stdout or stderr and resolves once the text is flushed, so exiting right after loses nothing. */
export const write = (stream: NodeJS.WriteStream, text: string): Promise<void> =>
  new Promise((resolve) => {
    stream.write(text.endsWith('\n') ? text : `${text}\n`, () => resolve());
  });

/** Prints a value as indented JSON on stdout. */
export const printJson = (value: unknown): Promise<void> => write(process.stdout, JSON.stringify(value, null, 2));

/** Prints a line on stderr, prefixed with `mcpkit: `. */
export const note = (message: string): Promise<void> => write(process.stderr, `mcpkit: ${message}`);
