import { isRecord as isObject } from '@mcpkit/core';

/**
 * The URL of the first entry of an OpenAPI `servers` list, its `{variables}`
 * replaced by their defaults, resolved against the document's own URL when
 * relative. Undefined when there is none, or it stays relative.
 */
export const serverUrl = (servers: unknown, documentUrl: string | undefined): string | undefined => {
  const first = Array.isArray(servers) ? servers[0] : undefined;
  if (!isObject(first) || typeof first.url !== 'string') return undefined;
  const variables = isObject(first.variables) ? first.variables : {};
  const url = first.url.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const variable = variables[name];
    return isObject(variable) && variable.default !== undefined ? String(variable.default) : '';
  });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  if (!documentUrl) return undefined;
  try {
    return new URL(url, documentUrl).href;
  } catch {
    return undefined;
  }
};
