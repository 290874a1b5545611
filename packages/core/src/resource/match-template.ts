import type { ParsedTemplate, TemplatePart } from './uri-template.js';

/** Raw variable values from a match: strings, or undefined for absent query parameters. */
export type TemplateValues = Record<string, string | undefined>;

const decode = (raw: string): string | undefined => {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
};

/**
 * Decodes a `{x}` value: one path segment, so a value whose decoding holds a
 * `/` (`..%2F..%2Fetc`) does not match at all, rather than reaching a handler
 * that builds a path with it.
 */
const decodeSegment = (raw: string): string | undefined => {
  const value = decode(raw);
  return value === undefined || value.includes('/') ? undefined : value;
};

/** Matches the path parts left to right; `end` bounds the URI (the query part is excluded). */
const matchForward = (
  parts: readonly TemplatePart[],
  uri: string,
  start: number,
  end: number,
  values: TemplateValues,
): number | undefined => {
  let at = start;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as TemplatePart;
    if (part.type === 'literal') {
      if (!uri.startsWith(part.text, at) || at + part.text.length > end) return undefined;
      at += part.text.length;
    } else if (part.type === 'segment') {
      const next = parts[i + 1];
      const slash = uri.indexOf('/', at);
      const segmentEnd = slash === -1 || slash > end ? end : slash;
      // The value stops at the next literal within this segment, or at the segment's end.
      const stop = next?.type === 'literal' && !next.text.startsWith('/') ? uri.indexOf(next.text, at) : segmentEnd;
      if (stop === -1 || stop > segmentEnd || stop === at) return undefined;
      const value = decodeSegment(uri.slice(at, stop));
      if (value === undefined) return undefined;
      values[part.name] = value;
      at = stop;
    }
  }
  return at;
};

/**
 * Matches `uri` against a parsed template in time linear in the URI's length:
 * literals and one-segment variables are matched from the left, everything
 * after a multi-segment variable from the right, and the multi-segment variable
 * takes what lies between. Values are URL-decoded; a `{x}` value decoding to
 * something with a `/` is no match (multi-segment and query values may hold
 * one, as RFC 6570 reserved expansion allows). Returns undefined on no match.
 */
export const matchTemplate = (template: ParsedTemplate, uri: string): TemplateValues | undefined => {
  const { parts } = template;
  const values: TemplateValues = {};
  const last = parts[parts.length - 1];
  let end = uri.length;
  if (last?.type === 'query') {
    const q = uri.indexOf('?');
    if (q !== -1) {
      end = q;
      const wanted = new Set(last.names);
      for (const pair of uri.slice(q + 1).split('&')) {
        const eq = pair.indexOf('=');
        const key = decode(eq === -1 ? pair : pair.slice(0, eq));
        if (key === undefined || !wanted.has(key)) continue;
        const value = decode((eq === -1 ? '' : pair.slice(eq + 1)).replace(/\+/g, ' '));
        if (value === undefined) return undefined;
        values[key] = value;
      }
    }
  }
  const pathParts = last?.type === 'query' ? parts.slice(0, -1) : parts;
  const restAt = pathParts.findIndex((p) => p.type === 'rest');
  if (restAt === -1) return matchForward(pathParts, uri, 0, end, values) === end ? values : undefined;

  const head = matchForward(pathParts.slice(0, restAt), uri, 0, end, values);
  if (head === undefined) return undefined;
  // Right of the rest variable: literals and segments, matched from the end backwards.
  let tail = end;
  for (let i = pathParts.length - 1; i > restAt; i--) {
    const part = pathParts[i] as TemplatePart;
    if (part.type === 'literal') {
      if (tail - part.text.length < head || !uri.startsWith(part.text, tail - part.text.length)) return undefined;
      tail -= part.text.length;
    } else if (part.type === 'segment') {
      const slash = uri.lastIndexOf('/', tail - 1);
      const start = Math.max(slash + 1, head);
      if (start >= tail) return undefined;
      const value = decodeSegment(uri.slice(start, tail));
      if (value === undefined) return undefined;
      values[part.name] = value;
      tail = start;
    }
  }
  if (tail <= head) return undefined;
  const rest = decode(uri.slice(head, tail));
  if (rest === undefined) return undefined;
  values[(pathParts[restAt] as { name: string }).name] = rest;
  return values;
};
