import { DefinitionError, isRecord } from '@mcpkit/core';
import * as v from 'valibot';
import type { StdioTarget, UrlTarget } from './target.js';

const text = v.string('must be a string');
const strings = v.record(v.string(), text, 'must be an object of strings');
/** The entry objects' own message: a required key that is absent (an entry that is no object is caught earlier). */
const missing = 'is missing';

const STDIO_ENTRY = v.looseObject(
  {
    type: v.optional(v.literal('stdio', 'must be "stdio" for a command')),
    command: v.pipe(text, v.nonEmpty('must not be empty')),
    args: v.optional(v.array(text, 'must be an array of strings')),
    env: v.optional(strings),
    cwd: v.optional(text),
  },
  missing,
);

/** Every spelling of the two HTTP transports seen in client config files. */
const HTTP_KINDS = ['http', 'streamable-http', 'streamableHttp', 'streamable_http', 'sse'] as const;

const URL_ENTRY = v.looseObject(
  {
    type: v.optional(v.picklist(HTTP_KINDS, `must be one of ${HTTP_KINDS.join(', ')}`)),
    transport: v.optional(v.picklist(HTTP_KINDS, `must be one of ${HTTP_KINDS.join(', ')}`)),
    url: v.pipe(text, v.url('must be a URL')),
    headers: v.optional(strings),
  },
  missing,
);

/** One entry of a config file, checked. */
export type ConfigEntry =
  | { readonly kind: 'stdio'; readonly target: StdioTarget }
  | { readonly kind: 'url'; readonly target: UrlTarget };

/** `mcpServers.weather.args[0]` from an issue's path. */
const pathOf = (prefix: string, issue: v.BaseIssue<unknown>): string =>
  (issue.path ?? []).reduce(
    (path, item) => (typeof item.key === 'number' ? `${path}[${item.key}]` : `${path}.${String(item.key)}`),
    prefix,
  );

const check = <S extends v.GenericSchema>(schema: S, value: unknown, prefix: string): v.InferOutput<S> => {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw new DefinitionError(`${pathOf(prefix, issue)} ${issue.message}`);
};

/** Checks one entry: a command (stdio) or a URL (Streamable HTTP or SSE). */
export const parseEntry = (value: unknown, prefix: string): ConfigEntry => {
  if (!isRecord(value)) throw new DefinitionError(`${prefix} must be an object`);
  if ('command' in value || value.type === 'stdio') {
    const { command, args, env, cwd } = check(STDIO_ENTRY, value, prefix);
    return { kind: 'stdio', target: { command, args, env, cwd } };
  }
  if ('url' in value) {
    const { url, headers, type, transport } = check(URL_ENTRY, value, prefix);
    return { kind: 'url', target: { url, headers, transport: (transport ?? type) === 'sse' ? 'sse' : 'http' } };
  }
  throw new DefinitionError(`${prefix} needs a "command" (a stdio server) or a "url" (an HTTP server)`);
};

/**
 * The servers of a config file: Claude Desktop / Cursor `mcpServers`, or VS
 * Code `servers`. Entries with `"disabled": true` are left out.
 */
export const parseConfig = (json: unknown): { key: string; entries: [string, ConfigEntry][] } => {
  let config = json;
  if (typeof json === 'string') {
    try {
      config = JSON.parse(json);
    } catch (error) {
      throw new DefinitionError(`The MCP config is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (!isRecord(config)) throw new DefinitionError('The MCP config must be a JSON object');
  const key = 'mcpServers' in config ? 'mcpServers' : 'servers' in config ? 'servers' : undefined;
  if (!key) throw new DefinitionError('The MCP config needs an "mcpServers" object (or VS Code\'s "servers")');
  const servers = config[key];
  if (!isRecord(servers)) throw new DefinitionError(`${key} must be an object of servers by name`);
  const entries: [string, ConfigEntry][] = [];
  for (const [name, value] of Object.entries(servers)) {
    if (isRecord(value) && value.disabled === true) continue;
    entries.push([name, parseEntry(value, `${key}.${name}`)]);
  }
  return { key, entries };
};
