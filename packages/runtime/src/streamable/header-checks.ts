import { isRecord } from '@mcpkit/core';
import { type ClassifyInput, mismatch, type Rejection, type RequestId } from './classification.js';
import type { HeaderParam } from './header-params.js';
import { decodeHeaderValue } from './header-value.js';

type JsonObject = Record<string, unknown>;

const isOws = (code: number): boolean => code === 0x20 || code === 0x09;

/** A header value without the optional whitespace around it (RFC 9110); no copy when there is none. */
export const header = (input: ClassifyInput, name: string): string | undefined => {
  const { headers } = input;
  const value = typeof headers === 'function' ? headers(name) : headers?.[name];
  if (value === undefined || value === '') return value;
  if (!isOws(value.charCodeAt(0)) && !isOws(value.charCodeAt(value.length - 1))) return value;
  let start = 0;
  let end = value.length;
  while (start < end && isOws(value.charCodeAt(start))) start++;
  while (end > start && isOws(value.charCodeAt(end - 1))) end--;
  return value.slice(start, end);
};

/** The value at a chain of property keys, or undefined. */
const valueAt = (root: unknown, path: readonly string[]): unknown => {
  let node = root;
  for (const key of path) {
    if (!isRecord(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
};

/** Whether a decoded header value stands for a body value of the argument's type. */
const sameValue = (decoded: string, value: unknown, type: HeaderParam['type']): boolean => {
  if (type === 'integer' && typeof value === 'number') {
    // Compared numerically: `42.0` and `42` are the same integer.
    return decoded.trim() !== '' && /^[+-]?\d+(\.0*)?$/.test(decoded) && Number(decoded) === value;
  }
  if (type === 'boolean' && typeof value === 'boolean') return decoded === String(value);
  return typeof value === 'string' ? decoded === value : decoded === String(value);
};

/** Checks every `Mcp-Param-*` header a tools/call must carry against its arguments. */
export const checkParamHeaders = (
  input: ClassifyInput,
  id: RequestId | null,
  params: JsonObject,
): Rejection | undefined => {
  const name = params.name;
  if (typeof name !== 'string' || !input.headerParams) return undefined;
  const declared = input.headerParams(name);
  if (!declared) return undefined;
  for (const param of declared) {
    const value = valueAt(params.arguments, param.path);
    const headerName = `Mcp-Param-${param.header}`;
    const raw = header(input, `mcp-param-${param.header.toLowerCase()}`);
    // Absent or null arguments have no header, and none is expected.
    if (value === undefined || value === null) continue;
    if (raw === undefined)
      return mismatch(id, `${headerName} is required when arguments.${param.path.join('.')} is set`, headerName);
    const decoded = decodeHeaderValue(raw);
    if (decoded === undefined) return mismatch(id, `${headerName} is not a valid header value`, headerName);
    if (!sameValue(decoded, value, param.type)) {
      return mismatch(id, `${headerName} does not match arguments.${param.path.join('.')}`, headerName);
    }
  }
  return undefined;
};

/**
 * Checks a modern message's standard headers against its body, once the
 * version header (`versionHeader`, read by the caller) is known to agree (or be absent): presence of
 * `MCP-Protocol-Version` and `Mcp-Method` on requests, `Mcp-Method` equality,
 * and `Mcp-Name` for the methods that name something.
 */
export const checkStandardHeaders = (
  input: ClassifyInput,
  id: RequestId | null,
  versionHeader: string | undefined,
  method: string,
  name: string | undefined,
  isRequest: boolean,
): Rejection | undefined => {
  const methodHeader = header(input, 'mcp-method');
  if (methodHeader !== undefined && methodHeader !== method) {
    return mismatch(id, `Mcp-Method ${methodHeader} does not match the body's ${method}`, 'Mcp-Method');
  }
  // Headers are required on requests; the spec defines none for posted notifications.
  if (!isRequest) return undefined;
  if (versionHeader === undefined)
    return mismatch(id, 'the MCP-Protocol-Version header is required', 'MCP-Protocol-Version');
  if (methodHeader === undefined) return mismatch(id, 'the Mcp-Method header is required', 'Mcp-Method');
  if (name === undefined) return undefined;
  const nameHeader = header(input, 'mcp-name');
  if (nameHeader === undefined) return mismatch(id, `the Mcp-Name header is required for ${method}`, 'Mcp-Name');
  const decoded = decodeHeaderValue(nameHeader);
  if (decoded === undefined) return mismatch(id, 'Mcp-Name is not a valid header value', 'Mcp-Name');
  if (decoded !== name)
    return mismatch(
      id,
      `Mcp-Name ${JSON.stringify(decoded)} does not match the body's ${JSON.stringify(name)}`,
      'Mcp-Name',
    );
  return undefined;
};
