/**
 * The SDK v2 client in every negotiation mode over every transport: the same
 * elicitation and sampling tools complete whether the server asks the client
 * itself (2025 session) or answers input_required and is retried (2026-07-28,
 * the handlers' ctx.elicit()/ctx.sample() replayed, and inputRequired()).
 */
import type { VersionNegotiationMode } from '@modelcontextprotocol/client';
import { afterEach, describe, expect, it } from 'vitest';
import everything from '../../../examples/everything/server.js';
import { createCleanup } from './http-helpers.js';
import { connectSdkV2Client, type V2Transport } from './sdk-v2-helpers.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

const MODERN = '2026-07-28';
const cases: [string, V2Transport, VersionNegotiationMode, string][] = [
  ['legacy over stateful HTTP', 'http', 'legacy', '2025-11-25'],
  ['auto over stateful HTTP', 'http', 'auto', MODERN],
  ['pin over stateful HTTP', 'http', { pin: MODERN }, MODERN],
  ['auto over stateless HTTP', 'stateless', 'auto', MODERN],
  ['pin over stateless HTTP', 'stateless', { pin: MODERN }, MODERN],
  ['legacy over stdio', 'stdio', 'legacy', '2025-11-25'],
  ['pin over stdio', 'stdio', { pin: MODERN }, MODERN],
];

describe.each(cases)('SDK v2 client, %s', (_label, transport, mode, expected) => {
  it('negotiates the expected revision and completes elicitation and sampling tools', async () => {
    const asked: string[] = [];
    const { client, protocolVersion } = await connectSdkV2Client(cleanup, transport, mode, everything, {
      capabilities: { elicitation: {}, sampling: {}, roots: {} },
      setup: (c) => {
        c.setRequestHandler('elicitation/create', async (request) => {
          asked.push(`elicit: ${request.params.message}`);
          return {
            action: 'accept',
            content: { username: 'ada', email: 'ada@example.com', name: 'Ada', color: 'blue' },
          };
        });
        c.setRequestHandler('sampling/createMessage', async () => {
          asked.push('sample');
          return { role: 'assistant', content: { type: 'text', text: 'Paris' }, model: 'test-model' };
        });
        c.setRequestHandler('roots/list', async () => ({ roots: [{ uri: 'file:///work', name: 'work' }] }));
      },
    });
    expect(protocolVersion).toBe(expected);
    // Written with ctx.elicit() and ctx.sample(): asked for real on 2025, replayed on 2026.
    const elicited = await client.callTool({ name: 'test_elicitation', arguments: { message: 'Who are you?' } });
    expect(elicited.content).toEqual([
      {
        type: 'text',
        text: 'User response: action=accept, content={"username":"ada","email":"ada@example.com","name":"Ada","color":"blue"}',
      },
    ]);
    const sampled = await client.callTool({ name: 'test_sampling', arguments: { prompt: 'Capital of France?' } });
    expect(sampled.content).toEqual([{ type: 'text', text: 'LLM response: Paris' }]);
    // Written with inputRequired(): the same answer on either era.
    const greeted = await client.callTool({ name: 'test_input_required_result_elicitation', arguments: {} });
    expect(greeted.content).toEqual([{ type: 'text', text: 'Hello, Ada!' }]);
    const rounds = await client.callTool({ name: 'test_input_required_result_multi_round', arguments: {} });
    expect(rounds.content).toEqual([{ type: 'text', text: 'Ada likes blue' }]);
    expect(asked.slice(0, 3)).toEqual(['elicit: Who are you?', 'sample', 'elicit: What is your name?']);
  });
});
