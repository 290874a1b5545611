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

/**
 * One page of `items` starting at the opaque `cursor`; `nextCursor` is set
 * when more remain. Without a page size everything is one page.
 */
export const paginate = <T>(
  items: readonly T[],
  cursor: unknown,
  pageSize: number | undefined,
): { readonly page: readonly T[]; readonly nextCursor?: string } => {
  if (cursor !== undefined && typeof cursor !== 'string') throw invalidParams('cursor must be a string');
  const start = cursor === undefined ? 0 : decode(cursor);
  if (!pageSize) return start === 0 ? { page: items } : { page: items.slice(start) };
  const end = start + pageSize;
  return end < items.length ? { page: items.slice(start, end), nextCursor: encode(end) } : { page: items.slice(start) };
};
