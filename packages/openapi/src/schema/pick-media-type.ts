import type { MediaTypeObject } from '../routes/operations.js';

/** True for `application/json`, `*\/*+json` and JSON with parameters. */
export const isJsonMediaType = (mediaType: string): boolean => {
  const type = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json') || type === '*/*';
};

const RANK: readonly ((type: string) => boolean)[] = [
  isJsonMediaType,
  (type) => type.startsWith('application/x-www-form-urlencoded'),
  (type) => type.startsWith('multipart/form-data'),
  (type) => type.startsWith('text/'),
  (type) => type.startsWith('application/octet-stream'),
];

/**
 * Picks the request body media type a tool sends: JSON first, then form,
 * multipart, text, octet-stream, else the first listed.
 */
export const pickMediaType = (
  content: Readonly<Record<string, MediaTypeObject>> | undefined,
): [string, MediaTypeObject] | undefined => {
  const entries = Object.entries(content ?? {});
  for (const test of RANK) {
    const found = entries.find(([type]) => test(type.toLowerCase()));
    if (found) return found;
  }
  return entries[0];
};
