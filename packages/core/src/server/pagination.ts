import { invalidParams } from '../errors/errors.js';

const PREFIX = 'mcpkit:';

const encode = (offset: number): string => btoa(`${PREFIX}${offset}`);

const decode = (cursor: string): number => {
  let text: string;
  try {
    text = atob(cursor);
  } catch {
    throw invalidParams(`Invalid cursor: ${JSON.stringify(cursor)}`);
  }
  const offset = Number(text.slice(PREFIX.length));
  if (!text.startsWith(PREFIX) || !Number.isSafeInteger(offset) || offset < 0) {
    throw invalidParams(`Invalid cursor: ${JSON.stringify(cursor)}`);
  }
  return offset;
};

/** Where the page an opaque `cursor` names starts (0 without one); throws an invalid-params error for a bad cursor. */
export const cursorOffset = (cursor: unknown): number => {
  if (cursor !== undefined && typeof cursor !== 'string') throw invalidParams('cursor must be a string');
  return cursor === undefined ? 0 : decode(cursor);
};

/** One page of `items` from `start`; `nextCursor` is set when more remain. Without a page size everything is one page. */
export const pageFrom = <T>(
  items: readonly T[],
  start: number,
  pageSize: number | undefined,
): { readonly page: readonly T[]; readonly nextCursor?: string } => {
  if (!pageSize) return start === 0 ? { page: items } : { page: items.slice(start) };
  const end = start + pageSize;
  return end < items.length ? { page: items.slice(start, end), nextCursor: encode(end) } : { page: items.slice(start) };
};

/**
 * One page of `items` starting at the opaque `cursor`; `nextCursor` is set
 * when more remain. Without a page size everything is one page.
 */
export const paginate = <T>(
  items: readonly T[],
  cursor: unknown,
  pageSize: number | undefined,
): { readonly page: readonly T[]; readonly nextCursor?: string } => pageFrom(items, cursorOffset(cursor), pageSize);
