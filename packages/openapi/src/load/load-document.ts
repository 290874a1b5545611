import { DefinitionError } from '@mcpkit/core';
import { dereference, parse } from '@readme/openapi-parser';
import { fetchDocument } from './fetch-document.js';
import { validationProblems } from './validate-document.js';

/** An OpenAPI document as JSON: an object, or the path or URL of a JSON or YAML file. */
export type OpenApiSource = string | URL | Readonly<Record<string, unknown>>;

/** What {@link loadOpenApi} accepts besides the document. */
export interface LoadOptions {
  /** Refuse a document that does not validate against its OpenAPI schema; default false (problems are listed in `warnings`). */
  readonly strict?: boolean;
  /**
   * Validate the document against the OpenAPI schema; default true. Validation
   * is most of the loading time of a large document: turn it off for
   * documents you trust.
   */
  readonly validate?: boolean;
  /** How long loading (and fetching referenced files) may take, in ms; default 10 000. */
  readonly loadTimeoutMs?: number;
  /** The `fetch` a document given as a URL is downloaded with; default the global one. */
  readonly fetch?: typeof fetch;
}

/** A validated, fully dereferenced OpenAPI 3.x document. */
export interface LoadedDocument {
  /** The document with every `$ref` replaced by its target (recursive schemas point back at themselves). */
  readonly document: Readonly<Record<string, unknown>>;
  /** `3.0` or `3.1`. */
  readonly version: '3.0' | '3.1';
  /** Where the document came from, when it was a URL (to resolve relative server URLs). */
  readonly url: string | undefined;
  /** Validation problems and warnings (empty for a clean document). */
  readonly warnings: readonly string[];
}

const isUrl = (source: string) => /^https?:\/\//i.test(source);

const describe = (source: OpenApiSource) =>
  typeof source === 'string' || source instanceof URL ? String(source) : 'the OpenAPI document';

/** Tells Swagger 2.0 and anything else apart from OpenAPI 3.0/3.1, with a message that says what to do. */
const versionOf = (document: Record<string, unknown>, label: string): '3.0' | '3.1' => {
  if (typeof document.swagger === 'string') {
    throw new DefinitionError(
      `${label} is Swagger ${document.swagger}: convert it to OpenAPI 3 first (for example with the swagger2openapi package)`,
    );
  }
  const version = typeof document.openapi === 'string' ? document.openapi : '';
  if (/^3\.0(\.|$)/.test(version)) return '3.0';
  if (/^3\.[12](\.|$)/.test(version)) return '3.1';
  throw new DefinitionError(
    `${label} is not an OpenAPI 3.0 or 3.1 document (openapi: ${JSON.stringify(document.openapi)})`,
  );
};

/**
 * Loads an OpenAPI 3.0 or 3.1 document (object, file path or URL; JSON or
 * YAML), validates it and dereferences every `$ref` with
 * `@readme/openapi-parser`. A URL is downloaded with the configured `fetch`;
 * its `$ref`s to other files are not followed (a file path's are). Swagger
 * 2.0 is refused with a message saying to convert it. Validation errors fail
 * the load only with `strict`.
 */
export const loadOpenApi = async (source: OpenApiSource, options: LoadOptions = {}): Promise<LoadedDocument> => {
  const label = describe(source);
  const timeoutMs = options.loadTimeoutMs ?? 10_000;
  const text = source instanceof URL ? source.href : typeof source === 'string' ? source : undefined;
  const url = text !== undefined && isUrl(text) ? text : undefined;
  const input = (
    url
      ? await fetchDocument(url, options.fetch ?? globalThis.fetch, timeoutMs)
      : (text ?? structuredClone(source as Record<string, unknown>))
  ) as Parameters<typeof parse>[0];
  const parserOptions = { timeoutMs };
  let parsed: Record<string, unknown>;
  try {
    parsed = (await parse(input, parserOptions)) as unknown as Record<string, unknown>;
  } catch (error) {
    throw new DefinitionError(`Cannot read ${label}: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null) throw new DefinitionError(`${label} is not a JSON or YAML object`);
  const version = versionOf(parsed, label);
  const warnings =
    options.validate === false ? [] : await validationProblems(input, label, options.strict === true, parserOptions);
  let document: Record<string, unknown>;
  try {
    document = (await dereference(
      typeof input === 'string' ? input : structuredClone(input),
      parserOptions,
    )) as unknown as Record<string, unknown>;
  } catch (error) {
    throw new DefinitionError(`Cannot resolve the references of ${label}: ${(error as Error).message}`);
  }
  return { document, version, url, warnings };
};
