import { describe, expect, it } from 'vitest';
import { classifyStdioMessage } from './classify-message.js';

const envelope = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
};
const request = (method: string, params: Record<string, unknown> = {}) => ({ jsonrpc: '2.0', id: 1, method, params });

describe('classifyStdioMessage', () => {
  it('serves a claimed request as modern with no headers at all', () => {
    expect(classifyStdioMessage(request('server/discover', { _meta: envelope }))).toMatchObject({
      kind: 'modern',
      method: 'server/discover',
      version: '2026-07-28',
    });
    expect(
      classifyStdioMessage(request('tools/call', { name: 'x', arguments: { region: 'a' }, _meta: envelope })),
    ).toMatchObject({
      kind: 'modern',
      name: 'x',
    });
  });

  it('leaves unclaimed messages to the 2025 session', () => {
    expect(classifyStdioMessage(request('initialize', { protocolVersion: '2025-11-25' }))).toEqual({
      kind: 'legacy',
      reason: 'initialize',
    });
    expect(classifyStdioMessage(request('tools/list'))).toEqual({ kind: 'legacy', reason: 'no-claim' });
    expect(classifyStdioMessage({ jsonrpc: '2.0', id: 5, result: {} })).toEqual({ kind: 'legacy', reason: 'response' });
  });

  it('refuses a bad envelope, an unsupported revision and a claimed initialize', () => {
    expect(
      classifyStdioMessage(
        request('tools/list', { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' } }),
      ),
    ).toMatchObject({
      kind: 'reject',
      code: -32602,
      id: 1,
    });
    expect(
      classifyStdioMessage(
        request('tools/list', { _meta: { ...envelope, 'io.modelcontextprotocol/protocolVersion': '2030-01-01' } }),
      ),
    ).toMatchObject({ kind: 'reject', code: -32022, data: { requested: '2030-01-01' } });
    expect(classifyStdioMessage(request('initialize', { _meta: envelope }))).toMatchObject({
      kind: 'reject',
      code: -32601,
      id: 1,
    });
  });

  it('serves a claimed notifications/cancelled as a modern notification', () => {
    expect(
      classifyStdioMessage({
        jsonrpc: '2.0',
        method: 'notifications/cancelled',
        params: { requestId: 3, _meta: envelope },
      }),
    ).toMatchObject({ kind: 'modern', message: 'notification' });
  });
});
