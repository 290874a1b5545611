import type { RequestResult } from '../middleware/middleware.js';
import { withJsonText } from '../protocol/encode-message.js';
import { cursorOffset, pageFrom } from './pagination.js';

/** A list result: `{ [key]: items }`, with `nextCursor` when more pages remain. */
export const listResult = <T>(
  key: string,
  page: { readonly page: readonly T[]; readonly nextCursor?: string },
): RequestResult => (page.nextCursor ? { [key]: page.page, nextCursor: page.nextCursor } : { [key]: page.page });

/**
 * The pages of a list that never changes. Each page a client can reach (the
 * first, and those `nextCursor` names) is made on first request and then
 * served as the same frozen result, its JSON text kept for `encodeMessage`.
 * Other offsets (hand-made cursors) get a fresh page, so the cache stays as
 * small as the list.
 */
export const fixedPages = (
  key: string,
  items: () => readonly unknown[],
  pageSize: number | undefined,
): ((cursor: unknown) => RequestResult) => {
  const pages = new Map<number, RequestResult>();
  return (cursor) => {
    const start = cursorOffset(cursor);
    const cached = pages.get(start);
    if (cached) return cached;
    const all = items();
    const reachable = start === 0 || (pageSize !== undefined && start % pageSize === 0 && start < all.length);
    const page = pageFrom(all, start, pageSize);
    if (!reachable) return listResult(key, page);
    const result = withJsonText(listResult(key, { ...page, page: Object.freeze(page.page) }));
    pages.set(start, result);
    return result;
  };
};
