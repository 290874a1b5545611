import { DefinitionError, invalidParams, McpkitError } from '../errors/errors.js';
import type { Handler, RequestResult } from '../middleware/middleware.js';
import { validate } from '../schema/validate.js';
import { isPlainObject } from '../utils/is-plain-object.js';
import type { CustomMethod, CustomMethodDescriptor } from './custom-method.js';

/** Params without `_meta`: the envelope is not the method's input (handlers read it as `ctx.meta`). */
const withoutMeta = (params: Readonly<Record<string, unknown>>): Record<string, unknown> => {
  if (!('_meta' in params)) return params as Record<string, unknown>;
  const { _meta, ...rest } = params;
  return rest;
};

/** A handler's return value as a result object: nothing is an empty result, anything but an object is a bug. */
const resultOf = (method: string, value: unknown): RequestResult => {
  if (value === undefined) return {};
  if (isPlainObject(value)) return value as RequestResult;
  throw new McpkitError('INVALID_RESULT', `${method}: a custom method must return an object (or nothing)`);
};

/**
 * The method-table entries of a server's custom methods: each validates its
 * params when it has a schema (-32602 naming the fields otherwise) and turns
 * its return value into a result. A name that is empty or that the server
 * already answers fails at construction.
 */
export const customHandlers = (
  methods: Readonly<Record<string, CustomMethod>> | undefined,
  builtIn: ReadonlySet<string>,
): [string, Handler][] => {
  if (!methods) return [];
  return Object.entries(methods).map(([name, method]): [string, Handler] => {
    if (name === '' || name.startsWith('notifications/')) {
      throw new DefinitionError(
        `Custom method ${JSON.stringify(name)}: a request method needs a name outside notifications/`,
      );
    }
    if (builtIn.has(name)) throw new DefinitionError(`Custom method ${name}: the server already answers this method`);
    const descriptor: CustomMethodDescriptor<undefined> | undefined =
      typeof method === 'function' ? undefined : (method as CustomMethodDescriptor<undefined>);
    if (descriptor && (descriptor.kind !== 'method' || typeof descriptor.handler !== 'function')) {
      throw new DefinitionError(`Custom method ${name}: expected a handler function or customMethod({ handler })`);
    }
    const handler = (descriptor ? descriptor.handler : method) as (p: unknown, ctx: never) => unknown;
    const schema = (descriptor as CustomMethodDescriptor<never> | undefined)?.params;
    if (!schema) return [name, async (params, ctx) => resultOf(name, await handler(withoutMeta(params), ctx as never))];
    return [
      name,
      async (params, ctx) => {
        const parsed = await validate(schema, withoutMeta(params));
        if (!parsed.ok) throw invalidParams(`Invalid params for ${name}: ${parsed.message}`);
        return resultOf(name, await handler(parsed.value, ctx as never));
      },
    ];
  });
};
