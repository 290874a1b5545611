import type { Operation } from '../routes/operations.js';
import type { InputPlan } from '../schema/input-plan.js';
import { BodyError, encodeBody } from './encode-body.js';
import {
  serializeCookieParam,
  serializeHeaderParam,
  serializePathParam,
  serializeQueryParam,
} from './serialize-param.js';

/** An HTTP request made from a tool call, before the configured headers are added. */
export interface PlannedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: BodyInit | undefined;
}

/**
 * Makes the request for one call: path parameters substituted, query string,
 * header and cookie parameters serialised per their style, and the body
 * encoded. Throws a `BodyError` (a message for the model) for a missing
 * required argument or a path value that would leave its segment.
 */
export const buildRequest = (
  op: Operation,
  plan: InputPlan,
  baseUrl: string,
  args: Readonly<Record<string, unknown>>,
): PlannedRequest => {
  let path = op.path;
  const query: string[] = [];
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const { arg, param, asJson } of plan.parameters) {
    const raw = args[arg];
    if (raw === undefined || (raw === null && param.in === 'path')) {
      if (param.in === 'path' || param.required) throw new BodyError(`Missing required argument '${arg}'`);
      continue;
    }
    const value = asJson ? JSON.stringify(raw) : raw;
    switch (param.in) {
      case 'path': {
        const text = serializePathParam(param.name, value, param.style, param.explode);
        // '.' and '..' would be resolved away by URL parsing and reach another endpoint.
        if (text === '' || text === '.' || text === '..')
          throw new BodyError(`Argument '${arg}' is not a valid path segment`);
        path = path.split(`{${param.name}}`).join(text);
        break;
      }
      case 'query':
        query.push(...serializeQueryParam(param.name, value, param.style, param.explode, param.allowReserved));
        break;
      case 'header':
        headers[param.name.toLowerCase()] = serializeHeaderParam(value, param.explode);
        break;
      case 'cookie':
        cookies.push(serializeCookieParam(param.name, value));
        break;
    }
  }
  if (cookies.length) headers.cookie = cookies.join('; ');
  for (const name of plan.body?.required && plan.body.shape === 'whole' ? plan.body.args : []) {
    if (args[name] === undefined) throw new BodyError(`Missing required argument '${name}'`);
  }
  const encoded = plan.body ? encodeBody(plan.body, args) : undefined;
  if (encoded?.contentType) headers['content-type'] = encoded.contentType;
  const base = baseUrl.replace(/\/+$/, '');
  const url = `${base}${path}${query.length ? `?${query.join('&')}` : ''}`;
  return { url, method: op.method.toUpperCase(), headers, body: encoded?.body };
};
