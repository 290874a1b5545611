/** A counted cap on open subscriptions (per server, or per caller: the owner decides the scope). */
export interface SubscriptionSlots {
  readonly limit: number;
  /** How many are open now. */
  readonly open: () => number;
  /** Takes a slot: returns its release (idempotent), or undefined when all are taken. */
  readonly take: () => (() => void) | undefined;
}

/** Default cap on open `subscriptions/listen` streams per server. */
export const MAX_OPEN_SUBSCRIPTIONS = 1000;

/** Creates a cap of `limit` open subscriptions (a positive integer). */
export const createSubscriptionSlots = (limit = MAX_OPEN_SUBSCRIPTIONS): SubscriptionSlots => {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('the subscription limit must be a positive integer');
  let taken = 0;
  return Object.freeze({
    limit,
    open: () => taken,
    take: () => {
      if (taken >= limit) return undefined;
      taken++;
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        taken--;
      };
    },
  });
};
