import { isRecord } from '@mcpkit/core';
import type { Operation, ParameterLocation, ParameterObject } from '../routes/operations.js';
import { setOwn } from '../utils/set-own.js';
import { pickMediaType } from './pick-media-type.js';
import type { SchemaConverter } from './to-json-schema.js';

type Json = Record<string, unknown>;

/** One parameter and the argument that carries it. */
export interface ParameterArgument {
  readonly arg: string;
  readonly param: ParameterObject;
  /** The parameter is described by `content` (not `schema`), so its value is sent as JSON text. */
  readonly asJson: boolean;
}

/** How the request body is made from the arguments. */
export interface BodyPlan {
  readonly mediaType: string;
  /** `spread`: the body's object properties are top-level arguments; `whole`: one argument is the body. */
  readonly shape: 'spread' | 'whole';
  /** Argument names: the body's properties (spread) or the one argument (whole). */
  readonly args: readonly string[];
  /** Arguments given as base64 that are sent as bytes (binary multipart fields, an octet-stream body). */
  readonly binary: ReadonlySet<string>;
  readonly required: boolean;
}

/** What a tool's arguments are and where each goes in the request. */
export interface InputPlan {
  /** The tool's input JSON Schema: one object holding every parameter and the body. */
  readonly schema: Json & { readonly type: 'object' };
  readonly parameters: readonly ParameterArgument[];
  readonly body: BodyPlan | undefined;
}

/** Headers OpenAPI says a parameter may not set (they come from the request's content negotiation and auth). */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

const isObject = (value: unknown): value is Json => isRecord(value);

/** A schema that declares raw bytes: OpenAPI 3.0's `format: binary`, or 3.1's `contentMediaType` without an encoding. */
const isBinary = (schema: unknown): boolean =>
  isObject(schema) &&
  schema.type === 'string' &&
  (schema.format === 'binary' || (typeof schema.contentMediaType === 'string' && schema.contentEncoding === undefined));

const BASE64_FIELD = (description: unknown): Json => ({
  type: 'string',
  contentEncoding: 'base64',
  description: typeof description === 'string' ? `${description} (base64)` : 'File content, base64-encoded',
});

const withDescription = (schema: Json, description: string | undefined): Json =>
  description && schema.description === undefined ? { ...schema, description } : schema;

/** The JSON schema of a parameter, from `schema` or from its single `content` entry. */
const parameterSchema = (param: ParameterObject, convert: SchemaConverter): { schema: Json; asJson: boolean } => {
  if (param.schema !== undefined) return { schema: convert(param.schema), asJson: false };
  const media = param.content && Object.values(param.content)[0];
  return { schema: convert(media?.schema), asJson: true };
};

/** A body schema is spread into the arguments when it is a plain object with named properties. */
const spreadable = (schema: Json): boolean =>
  schema.type === 'object' &&
  isObject(schema.properties) &&
  !schema.oneOf &&
  !schema.anyOf &&
  !schema.allOf &&
  !schema.if;

const planBody = (op: Operation, convert: SchemaConverter, properties: Json, required: string[]) => {
  const picked = pickMediaType(op.requestBody?.content);
  if (!op.requestBody || !picked) return undefined;
  const [mediaType, media] = picked;
  const bodyRequired = op.requestBody.required === true;
  const source = media.schema;
  const schema = convert(source);
  const binary = new Set<string>();
  if (spreadable(schema)) {
    const sourceProps = isObject(source) && isObject(source.properties) ? source.properties : {};
    for (const [name, prop] of Object.entries(schema.properties as Json)) {
      const binaryField =
        mediaType.startsWith('multipart/') &&
        (isBinary(sourceProps[name]) || (isObject(sourceProps[name]) && isBinary((sourceProps[name] as Json).items)));
      if (binaryField) binary.add(name);
      setOwn(properties, name, binaryField ? BASE64_FIELD((prop as Json).description) : prop);
    }
    if (bodyRequired && Array.isArray(schema.required)) required.push(...(schema.required as string[]));
    const args = Object.keys(schema.properties as Json);
    return { mediaType, shape: 'spread' as const, args, binary, required: bodyRequired };
  }
  const bytes = isBinary(source) || (source === undefined && mediaType.startsWith('application/octet-stream'));
  if (bytes) binary.add('body');
  properties.body = bytes
    ? BASE64_FIELD(op.requestBody.description)
    : withDescription(schema, op.requestBody.description ?? 'The request body');
  if (bodyRequired) required.push('body');
  return { mediaType, shape: 'whole' as const, args: ['body'], binary, required: bodyRequired };
};

/**
 * Builds a tool's input: one object schema holding the body (its properties
 * spread at the top level when it is a plain object, else as `body`) and
 * every path, query, header and cookie parameter. A parameter whose name is
 * also a body property or another parameter's name is called
 * `name__location` (`id__path`, `id__query`, ...).
 */
export const inputPlan = (op: Operation, convert: SchemaConverter): InputPlan => {
  const properties: Json = {};
  const required: string[] = [];
  const body = planBody(op, convert, properties, required);
  const params = op.parameters.filter((p) => !(p.in === 'header' && IGNORED_HEADERS.has(p.name.toLowerCase())));
  const count = new Map<string, number>();
  for (const p of params) count.set(p.name, (count.get(p.name) ?? 0) + 1);
  const parameters: ParameterArgument[] = [];
  for (const param of params) {
    const clashes = (count.get(param.name) ?? 0) > 1 || Object.hasOwn(properties, param.name);
    const arg = clashes ? `${param.name}__${param.in as ParameterLocation}` : param.name;
    const { schema, asJson } = parameterSchema(param, convert);
    setOwn(
      properties,
      arg,
      withDescription(param.deprecated ? { ...schema, deprecated: true } : schema, param.description),
    );
    if (param.required || param.in === 'path') required.push(arg);
    parameters.push({ arg, param, asJson });
  }
  const schema: Json & { type: 'object' } = { type: 'object', properties };
  const unique = [...new Set(required)].filter((name) => Object.hasOwn(properties, name));
  if (unique.length) schema.required = unique;
  return { schema, parameters, body };
};
