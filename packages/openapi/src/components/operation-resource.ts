import {
  type Context,
  ErrorCode,
  ProtocolError,
  type ResourceDescriptor,
  type ResourceTemplateDescriptor,
  resource,
  resourceContents,
} from '@mcpkit/core';
import { httpErrorMessage } from '../response/to-call-result.js';
import { toTextOrBlob } from '../response/to-read-contents.js';
import { callOperation, type OperationCall } from './operation-call.js';

/** The facts of a resource made from an operation. */
export interface ResourceMeta {
  readonly name: string;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly tags: readonly string[];
  readonly scheme: string;
  readonly mimeType: string | undefined;
  readonly maxErrorChars: number;
}

/** A URI template variable name (`[A-Za-z0-9_]`) for a parameter name. */
const variableOf = (name: string) => name.replace(/[^A-Za-z0-9_]/g, '_');

/**
 * The URI of an operation's resource: `scheme://` and its path, path
 * parameters as template variables and query parameters as an optional
 * `{?a,b}` query; with the map from each variable to its argument.
 */
const uriOf = (call: OperationCall, scheme: string): { uri: string; args: Map<string, string> } => {
  const args = new Map<string, string>();
  let path = call.op.path.replace(/^\/+/, '') || '_root';
  for (const { arg, param } of call.plan.parameters) {
    if (param.in !== 'path' && param.in !== 'query') continue;
    let variable = variableOf(arg);
    while (args.has(variable)) variable = `${variable}_`;
    args.set(variable, arg);
    if (param.in === 'path') path = path.split(`{${param.name}}`).join(`{${variable}}`);
  }
  const query = [...args].filter(([, arg]) => call.plan.parameters.find((p) => p.arg === arg)?.param.in === 'query');
  if (!call.op.parameters.some((p) => p.in === 'path')) return { uri: `${scheme}://${path}`, args: new Map() };
  const suffix = query.length ? `{?${query.map(([variable]) => variable).join(',')}}` : '';
  return { uri: `${scheme}://${path}${suffix}`, args };
};

/**
 * A resource (GET without path parameters; query parameters keep the API's
 * defaults) or a resource template (path parameters as variables, query
 * parameters as an optional query) that reads one operation. An HTTP 404 is
 * "resource not found"; other HTTP errors and failures are errors carrying the
 * status and the API's body.
 */
export const operationResource = (
  call: OperationCall,
  meta: ResourceMeta,
): ResourceDescriptor | ResourceTemplateDescriptor => {
  const { uri, args } = uriOf(call, meta.scheme);
  const read = async (params: Record<string, string>, ctx: Context) => {
    const values: Record<string, unknown> = {};
    for (const [variable, arg] of args) if (params[variable] !== undefined) values[arg] = params[variable];
    const response = await callOperation(call, values, ctx);
    if (!response.ok) {
      const message = httpErrorMessage(response, call.label, meta.maxErrorChars);
      if (response.status === 404) throw new ProtocolError(ErrorCode.ResourceNotFound, message);
      throw new Error(message);
    }
    return resourceContents(toTextOrBlob(response.body, meta.mimeType));
  };
  return resource({
    uri,
    name: meta.name,
    title: meta.title,
    description: meta.description,
    tags: meta.tags,
    mimeType: meta.mimeType,
    read,
  } as Parameters<typeof resource>[0]) as ResourceDescriptor | ResourceTemplateDescriptor;
};
