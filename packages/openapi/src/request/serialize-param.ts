import { isRecord as isPlainObject } from '@mcpkit/core';

/** How a value is percent-encoded in a URL: every reserved character, or (allowReserved) only what a URL cannot hold. */
type Encode = (text: string) => string;

const strict: Encode = encodeURIComponent;
/** Keeps RFC 3986 reserved characters (`:/?#[]@!$&'()*+,;=`) as they are; `encodeURI` leaves `#` alone, so it is encoded. */
const reserved: Encode = (text) => encodeURI(text).replace(/#/g, '%23');

const scalar = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);

const entries = (value: Record<string, unknown>) => Object.entries(value).filter(([, v]) => v !== undefined);

/**
 * A path parameter's text for its `{name}` (styles simple, label, matrix),
 * percent-encoded as a path segment.
 */
export const serializePathParam = (name: string, value: unknown, style = 'simple', explode = false): string => {
  const e = strict;
  const prefix = style === 'label' ? '.' : style === 'matrix' ? `;${e(name)}=` : '';
  if (Array.isArray(value)) {
    const items = value.map((v) => e(scalar(v)));
    if (style === 'label') return `.${items.join(explode ? '.' : ',')}`;
    if (style === 'matrix')
      return explode ? items.map((v) => `;${e(name)}=${v}`).join('') : `${prefix}${items.join(',')}`;
    return items.join(',');
  }
  if (isPlainObject(value)) {
    const pairs = entries(value).map(([k, v]) => (explode ? `${e(k)}=${e(scalar(v))}` : `${e(k)},${e(scalar(v))}`));
    if (style === 'label') return `.${pairs.join(explode ? '.' : ',')}`;
    if (style === 'matrix') return explode ? pairs.map((p) => `;${p}`).join('') : `${prefix}${pairs.join(',')}`;
    return pairs.join(',');
  }
  if (style === 'matrix') return value === '' ? `;${e(name)}` : `${prefix}${e(scalar(value))}`;
  return `${prefix}${e(scalar(value))}`;
};

const deepObjectPairs = (name: string, value: unknown, e: Encode): string[] => {
  if (isPlainObject(value)) return entries(value).flatMap(([k, v]) => deepObjectPairs(`${name}[${k}]`, v, e));
  if (Array.isArray(value)) return value.flatMap((v, i) => deepObjectPairs(`${name}[${i}]`, v, e));
  return [`${e(name)}=${e(scalar(value))}`];
};

/**
 * A query parameter as `key=value` pairs, already percent-encoded (styles
 * form, spaceDelimited, pipeDelimited, deepObject; `explode` defaults to
 * true for form, as OpenAPI says).
 */
export const serializeQueryParam = (
  name: string,
  value: unknown,
  style = 'form',
  explode: boolean = style === 'form',
  allowReserved = false,
): string[] => {
  const e = allowReserved ? reserved : strict;
  const key = strict(name);
  if (style === 'deepObject') return deepObjectPairs(name, value, e);
  if (Array.isArray(value)) {
    if (explode) return value.map((v) => `${key}=${e(scalar(v))}`);
    const delimiter = style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '|' : ',';
    return [`${key}=${value.map((v) => e(scalar(v))).join(delimiter)}`];
  }
  if (isPlainObject(value)) {
    if (explode) return entries(value).map(([k, v]) => `${strict(k)}=${e(scalar(v))}`);
    return [
      `${key}=${entries(value)
        .map(([k, v]) => `${e(k)},${e(scalar(v))}`)
        .join(',')}`,
    ];
  }
  return [`${key}=${e(scalar(value))}`];
};

/** A header parameter's value (style simple). Header values are sent as they are, not percent-encoded. */
export const serializeHeaderParam = (value: unknown, explode = false): string => {
  if (Array.isArray(value)) return value.map(scalar).join(',');
  if (isPlainObject(value))
    return entries(value)
      .map(([k, v]) => (explode ? `${k}=${scalar(v)}` : `${k},${scalar(v)}`))
      .join(',');
  return scalar(value);
};

/** A cookie parameter as `name=value` (style form; arrays and objects comma-joined). */
export const serializeCookieParam = (name: string, value: unknown): string => {
  const text = Array.isArray(value)
    ? value.map(scalar).join(',')
    : isPlainObject(value)
      ? entries(value)
          .map(([k, v]) => `${k},${scalar(v)}`)
          .join(',')
      : scalar(value);
  return `${name}=${encodeURIComponent(text)}`;
};
