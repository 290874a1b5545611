/**
 * Freezes a value and everything reachable from it. Typed arrays cannot be
 * frozen (they would throw), so they and their buffers are left as they are;
 * functions are frozen but their closures are theirs.
 */
export const deepFreeze = <T>(value: T): T => {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value as object)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) deepFreeze(descriptor.value);
  }
  return value;
};
