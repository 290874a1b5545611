import { isRecord } from '@mcpkit/core';
import { CliError } from '../usage-error.js';

/** The config text before and after adding the entry; `changed` is false when the entry was there already. */
export interface MergedConfig {
  readonly before: string;
  readonly after: string;
  readonly changed: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Adds `entries` under `key` of a client config, keeping everything else
 * (other servers, other settings) as it was. An existing entry of the same
 * name that differs is an error unless `force`; text that is not a JSON
 * object (a comment in a JSONC file, a syntax error) is an error rather than
 * something to overwrite.
 */
export const mergeEntries = (
  text: string | undefined,
  key: string,
  entries: Readonly<Record<string, Record<string, unknown>>>,
  options: { readonly force: boolean; readonly path: string },
): MergedConfig => {
  const before = text ?? '';
  let config: Record<string, unknown> = {};
  if (before.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(before);
    } catch (error) {
      throw new CliError(
        `${options.path} is not plain JSON (${(error as Error).message}); it was left untouched. ` +
          'Remove comments or trailing commas, or add the entry by hand (run with --dry-run to see it).',
      );
    }
    if (!isRecord(parsed)) throw new CliError(`${options.path} is not a JSON object; it was left untouched`);
    config = parsed;
  }
  const servers = config[key] ?? {};
  if (!isRecord(servers)) throw new CliError(`${options.path}: "${key}" is not an object; it was left untouched`);
  let changed = false;
  const merged: Record<string, unknown> = { ...servers };
  for (const [name, entry] of Object.entries(entries)) {
    if (name in servers && !same(servers[name], entry) && !options.force) {
      throw new CliError(
        `${options.path} already has a server named "${name}" with other settings; ` +
          'pick another name with --name, or replace it with --force',
      );
    }
    if (!same(servers[name], entry)) changed = true;
    merged[name] = entry;
  }
  const after = changed ? `${JSON.stringify({ ...config, [key]: merged }, null, 2)}\n` : before;
  return { before, after, changed };
};
