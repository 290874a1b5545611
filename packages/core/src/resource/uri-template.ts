import { DefinitionError } from '../errors/errors.js';

/** One piece of a parsed URI template. */
export type TemplatePart =
  | { readonly type: 'literal'; readonly text: string }
  /** `{x}`: one path segment (no `/`). */
  | { readonly type: 'segment'; readonly name: string }
  /** `{x*}` or `{+x}`: one or more segments, `/` included. */
  | { readonly type: 'rest'; readonly name: string }
  /** `{?a,b}`: optional query parameters at the end. */
  | { readonly type: 'query'; readonly names: readonly string[] };

/** A URI template split into literals and expressions, ready for linear-time matching. */
export interface ParsedTemplate {
  readonly source: string;
  readonly parts: readonly TemplatePart[];
  readonly variables: readonly string[];
}

const VARIABLE = /^[A-Za-z0-9_]+$/;

const expression = (body: string, source: string): TemplatePart => {
  const fail = (why: string) => new DefinitionError(`URI template '${source}': ${why} in '{${body}}'`);
  if (body.startsWith('?')) {
    const names = body.slice(1).split(',');
    if (!names.every((n) => VARIABLE.test(n))) throw fail('bad query variable name');
    return { type: 'query', names };
  }
  if (body.startsWith('+')) {
    if (!VARIABLE.test(body.slice(1))) throw fail('bad variable name');
    return { type: 'rest', name: body.slice(1) };
  }
  if (body.endsWith('*')) {
    if (!VARIABLE.test(body.slice(0, -1))) throw fail('bad variable name');
    return { type: 'rest', name: body.slice(0, -1) };
  }
  if (!VARIABLE.test(body)) throw fail('unsupported expression (use {x}, {x*}, {+x} or {?a,b})');
  return { type: 'segment', name: body };
};

/**
 * Parses a URI template of the RFC 6570 subset MCP servers use. Rejects what
 * could not be matched unambiguously in linear time: two expressions with no
 * literal between them, more than one multi-segment variable, or a query
 * expression anywhere but at the end.
 */
export const parseUriTemplate = (source: string): ParsedTemplate => {
  const parts: TemplatePart[] = [];
  let index = 0;
  while (index < source.length) {
    const open = source.indexOf('{', index);
    if (open === -1) {
      parts.push({ type: 'literal', text: source.slice(index) });
      break;
    }
    if (open > index) parts.push({ type: 'literal', text: source.slice(index, open) });
    const close = source.indexOf('}', open);
    if (close === -1) throw new DefinitionError(`URI template '${source}': unclosed '{'`);
    const part = expression(source.slice(open + 1, close), source);
    const previous = parts[parts.length - 1];
    // A query expression is delimited by '?', so it may follow a variable directly.
    if (previous && previous.type !== 'literal' && part.type !== 'query') {
      throw new DefinitionError(`URI template '${source}': two expressions need a literal between them`);
    }
    parts.push(part);
    index = close + 1;
  }
  const rests = parts.filter((p) => p.type === 'rest').length;
  if (rests > 1) throw new DefinitionError(`URI template '${source}': at most one multi-segment variable ({x*})`);
  const queryAt = parts.findIndex((p) => p.type === 'query');
  if (queryAt !== -1 && queryAt !== parts.length - 1) {
    throw new DefinitionError(`URI template '${source}': a query expression {?...} must come last`);
  }
  const variables = parts.flatMap((p) => (p.type === 'query' ? p.names : p.type === 'literal' ? [] : [p.name]));
  if (new Set(variables).size !== variables.length) {
    throw new DefinitionError(`URI template '${source}': a variable appears twice`);
  }
  return { source, parts, variables };
};

/** True when `uri` contains a template expression. */
export const isUriTemplate = (uri: string): boolean => /\{[^}]*\}/.test(uri);

/** Variable names in a URI template string, as a type: `'a://{x}/{y*}'` gives `'x' | 'y'`. */
export type TemplateVariables<T extends string> = T extends `${string}{${infer Body}}${infer Rest}`
  ? ExpressionNames<Body> | TemplateVariables<Rest>
  : never;

type ExpressionNames<B extends string> = B extends `?${infer Names}`
  ? Split<Names>
  : B extends `+${infer Name}`
    ? Name
    : B extends `${infer Name}*`
      ? Name
      : B;

type Split<S extends string> = S extends `${infer Head},${infer Tail}` ? Head | Split<Tail> : S;
