import { DefinitionError } from '@mcpkit/core';
import { parse as parseYaml } from 'yaml';

/** Largest document fetched from a URL: 20 MiB. */
const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/**
 * Downloads an OpenAPI document (JSON or YAML) with the given `fetch`,
 * within `timeoutMs` and 20 MiB. Done here rather than by the parser so the
 * configured `fetch` is used and documents on private hosts (an API's own
 * `/openapi.json` on localhost) can be loaded.
 */
export const fetchDocument = async (
  url: string,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<Record<string, unknown>> => {
  let text: string;
  try {
    const response = await fetchImpl(url, {
      headers: { accept: 'application/json, application/yaml;q=0.9, */*;q=0.5' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    if (Number(response.headers.get('content-length')) > MAX_DOCUMENT_BYTES)
      throw new Error('the document is too large');
    text = await response.text();
    if (text.length > MAX_DOCUMENT_BYTES) throw new Error('the document is too large');
  } catch (error) {
    throw new DefinitionError(`Cannot fetch ${url}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = /^\s*[{[]/.test(text) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new DefinitionError(`${url} is neither JSON nor YAML: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DefinitionError(`${url} is not a JSON or YAML object`);
  }
  return value as Record<string, unknown>;
};
