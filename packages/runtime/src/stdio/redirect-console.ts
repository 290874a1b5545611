const METHODS = ['log', 'info', 'debug'] as const;

/**
 * Sends `console.log`/`info`/`debug` to stderr while stdout carries the
 * protocol; returns the function that puts them back.
 */
export const redirectConsole = (): (() => void) => {
  const saved = METHODS.map((name) => [name, console[name]] as const);
  for (const name of METHODS) console[name] = console.error;
  return () => {
    for (const [name, method] of saved) console[name] = method;
  };
};
