import type { BodyPlan } from '../schema/input-plan.js';
import { setOwn } from '../utils/set-own.js';

/** A request body ready for `fetch`, with the content type to send (multipart sets its own). */
export interface EncodedBody {
  readonly body: BodyInit;
  readonly contentType: string | undefined;
}

/** Thrown for arguments that cannot be encoded as the body the API expects; becomes a tool error. */
export class BodyError extends Error {}

const fromBase64 = (arg: string, value: unknown): Uint8Array<ArrayBuffer> => {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(value.replace(/\s+/g, ''))) {
    throw new BodyError(`Argument '${arg}' must be base64 text`);
  }
  return new Uint8Array(Buffer.from(value, 'base64'));
};

const fieldText = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** The body value: the one `body` argument, or an object of the spread arguments that were given. */
const bodyValue = (plan: BodyPlan, args: Readonly<Record<string, unknown>>): unknown => {
  if (plan.shape === 'whole') return args.body;
  const value: Record<string, unknown> = {};
  let any = false;
  for (const name of plan.args) {
    if (args[name] === undefined) continue;
    setOwn(value, name, args[name]);
    any = true;
  }
  return any || plan.required ? value : undefined;
};

const formBody = (value: Record<string, unknown>): URLSearchParams => {
  const form = new URLSearchParams();
  for (const [name, field] of Object.entries(value)) {
    if (Array.isArray(field)) for (const item of field) form.append(name, fieldText(item));
    else form.append(name, fieldText(field));
  }
  return form;
};

const multipartBody = (value: Record<string, unknown>, binary: ReadonlySet<string>): FormData => {
  const form = new FormData();
  for (const [name, field] of Object.entries(value)) {
    const items = Array.isArray(field) ? field : [field];
    for (const item of items) {
      if (binary.has(name)) form.append(name, new Blob([fromBase64(name, item)]), name);
      else form.append(name, fieldText(item));
    }
  }
  return form;
};

/**
 * Encodes the body arguments as the chosen media type: JSON; form-urlencoded
 * and multipart fields (arrays repeated, objects as JSON text, binary fields
 * decoded from base64 and sent as files); bytes for octet-stream; text
 * otherwise. Undefined when no body argument was given and none is required.
 */
export const encodeBody = (plan: BodyPlan, args: Readonly<Record<string, unknown>>): EncodedBody | undefined => {
  const value = bodyValue(plan, args);
  if (value === undefined) return undefined;
  const type = plan.mediaType.toLowerCase();
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (type.startsWith('application/x-www-form-urlencoded')) {
    if (!isObject) throw new BodyError('The form body must be an object of fields');
    return { body: formBody(value as Record<string, unknown>), contentType: 'application/x-www-form-urlencoded' };
  }
  if (type.startsWith('multipart/')) {
    if (!isObject) throw new BodyError('The multipart body must be an object of fields');
    return { body: multipartBody(value as Record<string, unknown>, plan.binary), contentType: undefined };
  }
  if (plan.binary.has('body')) return { body: fromBase64('body', value), contentType: plan.mediaType };
  if (type.startsWith('text/') && typeof value === 'string') return { body: value, contentType: plan.mediaType };
  const mediaType = type === '*/*' ? 'application/json' : plan.mediaType;
  return { body: JSON.stringify(value), contentType: mediaType };
};
