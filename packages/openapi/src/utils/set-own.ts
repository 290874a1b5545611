/**
 * Sets `key` as an own enumerable property, even when it is `__proto__`:
 * names from a document or a client (property and parameter names) must
 * never reach an object's prototype.
 */
export const setOwn = (target: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
};
