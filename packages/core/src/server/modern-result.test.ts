import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors/codes.js';
import { META } from '../protocol/modern.js';
import { CACHEABLE_METHODS, modernError, modernResult, serverMetaOf } from './modern-result.js';

const serverInfo = { name: 's', version: '1' };
const serverMeta = serverMetaOf(serverInfo);

describe('modernResult', () => {
  it('puts no hints on input_required results, even of cacheable methods', () => {
    expect(
      modernResult('resources/read', { resultType: 'input_required', requestState: 's' }, serverMeta, undefined),
    ).toEqual({
      resultType: 'input_required',
      requestState: 's',
      _meta: { [META.serverInfo]: serverInfo },
    });
  });

  it('ignores an invalid hint the result carries and falls back to the server hint, then the default', () => {
    const hints = { 'resources/read': { ttlMs: 7 } } as const;
    expect(
      modernResult('resources/read', { contents: [], ttlMs: -1, cacheScope: 'everyone' }, serverMeta, hints),
    ).toMatchObject({ ttlMs: 7, cacheScope: 'private' });
  });

  it('keeps the result’s own _meta and leaves the input untouched', () => {
    const result = Object.freeze({ content: [], _meta: Object.freeze({ 'com.example/x': 1 }) });
    expect(modernResult('tools/call', result, serverMeta, undefined)._meta).toEqual({
      'com.example/x': 1,
      [META.serverInfo]: serverInfo,
    });
    expect(result).toEqual({ content: [], _meta: { 'com.example/x': 1 } });
  });

  it('lists the six cacheable methods', () => {
    expect([...CACHEABLE_METHODS].sort()).toEqual([
      'prompts/list',
      'resources/list',
      'resources/read',
      'resources/templates/list',
      'server/discover',
      'tools/list',
    ]);
  });
});

describe('modernError', () => {
  it('never lets -32042 through: it becomes an internal error keeping its data', () => {
    const mapped = modernError({
      jsonrpc: '2.0',
      id: 1,
      error: {
        code: ErrorCode.UrlElicitationRequired,
        message: 'URL elicitation required',
        data: { elicitations: [] },
      },
    });
    expect(mapped.error).toEqual({
      code: ErrorCode.InternalError,
      message: 'URL elicitation required',
      data: { elicitations: [] },
    });
  });

  it('passes other errors unchanged', () => {
    const response = {
      jsonrpc: '2.0' as const,
      id: 1,
      error: { code: ErrorCode.InvalidParams, message: 'Unknown tool: x' },
    };
    expect(modernError(response)).toBe(response);
  });
});
