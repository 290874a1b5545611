/** Something kept in a {@link ThrowawaySessions}: it carries its own place there (-1 when not kept). */
export interface Placed {
  slot: number;
}

/**
 * The throwaway sessions of a hub (one per stateless or 2026-07-28 request),
 * kept only so that closing the hub can close them. A swap-remove array, not a
 * Set: under load dozens of them open and close every turn of the event loop,
 * and a Set going back and forth between empty and full reallocates its table
 * as it grows and shrinks. Here adding and removing write two slots.
 */
export interface ThrowawaySessions<T> {
  readonly add: (item: T) => void;
  /** Removes `item`: false (and nothing done) when it is not kept here. */
  readonly remove: (item: T) => boolean;
  /** The items kept now, copied (closing one removes it). */
  readonly list: () => T[];
}

/** An empty roster; `placeOf` finds the place an item carries. */
export const createThrowawaySessions = <T>(placeOf: (item: T) => Placed): ThrowawaySessions<T> => {
  const items: T[] = [];
  return {
    add: (item) => {
      placeOf(item).slot = items.length;
      items.push(item);
    },
    remove: (item) => {
      const place = placeOf(item);
      const at = place.slot;
      if (at < 0) return false;
      place.slot = -1;
      const last = items.pop() as T;
      if (at < items.length) {
        items[at] = last;
        placeOf(last).slot = at;
      }
      return true;
    },
    list: () => [...items],
  };
};
