import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { ErrorCode } from '../errors/codes.js';
import { prompt } from '../prompt/prompt.js';
import { META } from '../protocol/modern.js';
import type { Era, McpRequest } from '../request/request.js';
import { resource } from '../resource/resource.js';
import { createServer } from '../server/create-server.js';
import { createTestContext } from '../testing/create-test-context.js';
import { tool } from '../tool/tool.js';
import { ask, inputRequired, isInputRequired } from './input-required.js';

const info = { name: 'mrtr', version: '1' };
const SECRET = 'a test secret of at least thirty-two bytes!';

/** Asks for a name with inputRequired(), carrying state; greets once answered. */
const greet = tool({
  name: 'greet',
  input: v.object({ greeting: v.optional(v.string(), 'Hello') }),
  run: ({ greeting }, ctx) => {
    const answer = ctx.input?.responses.name;
    if (answer?.action !== 'accept')
      return inputRequired({
        requests: { name: ask.elicit({ message: 'Your name?', schema: v.object({ name: v.string() }) }) },
        state: { asked: 1 },
      });
    return `${greeting}, ${(answer.content as { name: string }).name}! (state ${JSON.stringify(ctx.input?.state)})`;
  },
});

/** The same interaction written with ctx.elicit() and ctx.sample(): replayed on 2026 requests. */
const interview = tool({
  name: 'interview',
  run: async (_args, ctx) => {
    const who = await ctx.elicit({ message: 'Your name?', schema: v.object({ name: v.string() }) });
    const name = who.action === 'accept' ? who.content.name : 'nobody';
    const sampled = await ctx.sample(`Say hi to ${name}`);
    const text = !Array.isArray(sampled.content) && sampled.content.type === 'text' ? sampled.content.text : '';
    return `${name}: ${text}`;
  },
});

const doc = prompt({
  name: 'doc',
  render: (_args, ctx) =>
    ctx.input?.responses.topic
      ? `Write about ${JSON.stringify((ctx.input.responses.topic as { content?: unknown }).content)}`
      : inputRequired({ requests: { topic: ask.elicit({ message: 'Topic?', schema: v.object({ t: v.string() }) }) } }),
});

const gated = resource({
  uri: 'data://gated',
  read: (_params, ctx) => (ctx.input?.responses.ok ? 'open' : inputRequired({ requests: { ok: ask.roots() } })),
});

const server = createServer(info, [greet, interview, doc, gated], { input: { secret: SECRET } });

const request = (
  method: string,
  params: Record<string, unknown>,
  options: { era?: Era; capabilities?: Record<string, unknown>; subject?: string; id?: number } = {},
): McpRequest => ({
  id: options.id ?? 1,
  method,
  params,
  meta: undefined,
  era: options.era ?? 'modern',
  protocolVersion: '2026-07-28',
  clientInfo: undefined,
  clientCapabilities: options.capabilities ?? { elicitation: {}, sampling: {}, roots: {} },
  logLevel: undefined,
  auth: options.subject ? { subject: options.subject, scopes: [], claims: {} } : undefined,
});

type Answer = { result?: Record<string, unknown>; error?: { code: number; data?: unknown } };
const dispatch = async (req: McpRequest) => (await server.dispatch(req)) as unknown as Answer;

describe('inputRequired()', () => {
  test('is a frozen value that needs a request or state', () => {
    const asked = inputRequired({ requests: { r: ask.roots() } });
    expect(isInputRequired(asked)).toBe(true);
    expect(Object.isFrozen(asked)).toBe(true);
    expect(isInputRequired({ kind: 'tool' })).toBe(false);
    expect(() => inputRequired({})).toThrow(/at least one request or some state/);
  });
});

describe('on a 2026-07-28 request', () => {
  test('goes out as input_required with sealed state, and the retry completes with the answers', async () => {
    const first = await dispatch(request('tools/call', { name: 'greet', arguments: { greeting: 'Hi' } }));
    expect(first.result).toMatchObject({
      resultType: 'input_required',
      inputRequests: { name: { method: 'elicitation/create', params: { message: 'Your name?' } } },
      requestState: expect.any(String),
      _meta: { [META.serverInfo]: info },
    });
    expect(first.result).not.toHaveProperty('ttlMs');
    // The state is opaque: nothing of it is readable.
    expect(first.result?.requestState).not.toContain('asked');
    const retry = await dispatch(
      request('tools/call', {
        name: 'greet',
        arguments: { greeting: 'Hi' },
        requestState: first.result?.requestState,
        inputResponses: { name: { action: 'accept', content: { name: 'Ada' } } },
      }),
    );
    expect(retry.result).toMatchObject({
      resultType: 'complete',
      content: [{ type: 'text', text: 'Hi, Ada! (state {"asked":1})' }],
    });
  });

  test('refuses tampered, foreign and malformed state with -32602 before the handler runs', async () => {
    const first = await dispatch(request('tools/call', { name: 'greet', arguments: {} }, { subject: 'alice' }));
    const state = first.result?.requestState as string;
    const retry = (params: Record<string, unknown>, subject = 'alice') =>
      dispatch(
        request(
          'tools/call',
          {
            name: 'greet',
            arguments: {},
            inputResponses: { name: { action: 'accept', content: { name: 'x' } } },
            ...params,
          },
          { subject },
        ),
      );
    expect((await retry({ requestState: `${state}-TAMPERED` })).error).toMatchObject({ code: -32602 });
    expect((await retry({ requestState: state }, 'mallory')).error).toMatchObject({
      code: -32602,
      data: { reason: 'foreign' },
    });
    expect((await retry({ requestState: state, arguments: { greeting: 'Other' } })).error).toMatchObject({
      code: -32602,
      data: { reason: 'foreign' },
    });
    expect((await retry({ requestState: 'not-a-state' })).error).toMatchObject({ code: -32602 });
    expect((await retry({ requestState: state, inputResponses: 'nope' })).error).toMatchObject({ code: -32602 });
    // The genuine state still opens.
    expect((await retry({ requestState: state })).result).toMatchObject({ resultType: 'complete' });
  });

  test('another server (another secret) cannot open the state; one with the same secret can', async () => {
    const first = await dispatch(request('tools/call', { name: 'greet', arguments: {} }));
    const retry = request('tools/call', {
      name: 'greet',
      arguments: {},
      requestState: first.result?.requestState,
      inputResponses: { name: { action: 'accept', content: { name: 'Bo' } } },
    });
    const other = createServer(info, [greet], { input: { secret: 'another secret that is also long enough!!' } });
    expect(await other.dispatch(retry)).toMatchObject({ error: { code: -32602, data: { reason: 'tampered' } } });
    const twin = createServer(info, [greet], { input: { secret: SECRET } });
    expect(await twin.dispatch(retry)).toMatchObject({ result: { resultType: 'complete' } });
  });

  test('leaves out requests the client did not declare, and is -32021 when none remain', async () => {
    const none = await dispatch(
      request('tools/call', { name: 'greet', arguments: {} }, { capabilities: { sampling: {} } }),
    );
    expect(none.error).toMatchObject({
      code: ErrorCode.MissingRequiredClientCapability,
      data: { requiredCapabilities: { elicitation: {} } },
    });
  });

  test('prompts/get and resources/read may ask too; other methods may not', async () => {
    expect((await dispatch(request('prompts/get', { name: 'doc' }))).result).toMatchObject({
      resultType: 'input_required',
      inputRequests: { topic: { method: 'elicitation/create' } },
    });
    expect((await dispatch(request('resources/read', { uri: 'data://gated' }))).result).toMatchObject({
      resultType: 'input_required',
      inputRequests: { ok: { method: 'roots/list', params: {} } },
    });
    const listing = createServer(info, [greet], {
      middleware: [
        (req, _ctx, next) => {
          if (req.method === 'tools/list') throw inputRequired({ state: 1 });
          return next();
        },
      ],
      input: { secret: SECRET },
    });
    expect(await listing.dispatch(request('tools/list', {}))).toMatchObject({
      error: {
        code: ErrorCode.InternalError,
        message: expect.stringMatching(/only tools\/call, prompts\/get and resources\/read/),
      },
    });
  });

  test('ctx.elicit() and ctx.sample() replay: one round per unanswered call, then the same answer as a 2025 session', async () => {
    const round1 = await dispatch(request('tools/call', { name: 'interview', arguments: {} }));
    expect(round1.result).toMatchObject({
      resultType: 'input_required',
      inputRequests: { 'mcpkit/ask/0': { method: 'elicitation/create' } },
    });
    const round2 = await dispatch(
      request('tools/call', {
        name: 'interview',
        arguments: {},
        requestState: round1.result?.requestState,
        inputResponses: { 'mcpkit/ask/0': { action: 'accept', content: { name: 'Ada' } } },
      }),
    );
    expect(round2.result).toMatchObject({
      resultType: 'input_required',
      inputRequests: { 'mcpkit/ask/1': { method: 'sampling/createMessage' } },
      requestState: expect.any(String),
    });
    const round3 = await dispatch(
      request('tools/call', {
        name: 'interview',
        arguments: {},
        requestState: round2.result?.requestState,
        inputResponses: {
          'mcpkit/ask/1': { role: 'assistant', content: { type: 'text', text: 'hi Ada' }, model: 'm' },
        },
      }),
    );
    expect(round3.result).toMatchObject({ resultType: 'complete', content: [{ type: 'text', text: 'Ada: hi Ada' }] });
    // The same tool over a 2025-style direct call, answered by a test context.
    const direct = await server.callTool(
      'interview',
      {},
      createTestContext({ elicit: () => ({ action: 'accept', content: { name: 'Ada' } }), sample: () => 'hi Ada' }),
    );
    expect(direct.content).toEqual([{ type: 'text', text: 'Ada: hi Ada' }]);
  });

  test('with replay off, ctx.elicit() fails with an error naming inputRequired()', async () => {
    const strict = createServer(info, [interview], { input: { secret: SECRET, replay: false } });
    const answer = (await strict.dispatch(request('tools/call', { name: 'interview', arguments: {} }))) as Answer;
    expect(answer.result).toMatchObject({ isError: true, content: [{ text: expect.stringMatching(/inputRequired/) }] });
  });
});

describe('on a 2025 session (and direct calls)', () => {
  test('the client is asked through ctx and the handler runs again with the answers', async () => {
    const ctx = createTestContext({ elicit: () => ({ action: 'accept', content: { name: 'Cy' } }) });
    const result = await server.callTool('greet', {}, ctx);
    expect(result.content).toEqual([{ type: 'text', text: 'Hello, Cy! (state {"asked":1})' }]);
    expect(ctx.recorded.elicitations).toHaveLength(1);
    const rendered = await server.getPrompt(
      'doc',
      {},
      createTestContext({ elicit: () => ({ action: 'accept', content: { t: 'x' } }) }),
    );
    expect(rendered.messages[0]).toMatchObject({ content: { text: 'Write about {"t":"x"}' } });
  });

  test('through dispatch on the legacy era, with the rounds bounded', async () => {
    const wiring = { elicit: createTestContext({ elicit: () => ({ action: 'decline' }) }).elicit };
    const declined = await server.dispatch(
      request('tools/call', { name: 'greet', arguments: {} }, { era: 'legacy' }),
      wiring,
    );
    // Declining every time: the handler keeps asking until the bound.
    expect(declined).toMatchObject({
      error: { code: ErrorCode.InternalError, message: expect.stringMatching(/after 8 rounds/) },
    });
    const noClient = await server.dispatch(request('tools/call', { name: 'greet', arguments: {} }, { era: 'legacy' }));
    expect(noClient).toMatchObject({ error: { message: expect.stringMatching(/needs a connected client/) } });
  });
});
