/**
 * A function that runs `compute` on its first call and returns that value on
 * every call after. A throw is not remembered: the next call tries again.
 */
export const once = <T>(compute: () => T): (() => T) => {
  let cell: { readonly value: T } | undefined;
  return () => {
    cell ??= { value: compute() };
    return cell.value;
  };
};
