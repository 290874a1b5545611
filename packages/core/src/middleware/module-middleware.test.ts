import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import {
  compose,
  createServer,
  hooks,
  type Middleware,
  mount,
  ProtocolError,
  prompt,
  resource,
  tool,
} from '../index.js';

const info = { name: 't', version: '1' };

/** Records which requests reach it, by method and the name/uri they target. */
const recorder = (label: string, seen: string[]): Middleware => {
  return async (request, _ctx, next) => {
    const target = (request.params.name ?? request.params.uri ?? '') as string;
    seen.push(`${label}:${request.method}${target ? `:${target}` : ''}`);
    return next();
  };
};

describe('module middleware (compose)', () => {
  test('applies to the module components only: calls, reads, prompts, completions and their lists', async () => {
    const seen: string[] = [];
    const billing = compose(
      { namespace: 'billing', middleware: [recorder('billing', seen)] },
      tool({ name: 'charge', run: () => 'charged' }),
      resource({ uri: 'data://invoices', read: () => [] }),
      prompt({ name: 'dunning', args: v.object({ tone: v.picklist(['soft', 'firm']) }), render: () => 'pay' }),
    );
    const server = createServer(info, [tool({ name: 'public', run: () => 'p' }), ...billing]);
    await server.callTool('public');
    await server.callTool('billing_charge');
    await server.readResource('data://billing/invoices');
    await server.getPrompt('billing_dunning', { tone: 'soft' });
    await server.complete({ type: 'ref/prompt', name: 'billing_dunning' }, { name: 'tone', value: 's' });
    expect((await server.listTools()).map((t) => t.name)).toEqual(['public', 'billing_charge']);
    await server.listResources();
    expect(seen).toEqual([
      'billing:tools/call:billing_charge',
      'billing:resources/read:data://billing/invoices',
      'billing:prompts/get:billing_dunning',
      'billing:completion/complete',
      'billing:tools/list',
      'billing:resources/list',
    ]);
  });

  test('a list middleware sees and may filter only its own items', async () => {
    const hideBeta = hooks({
      listTools: async (params, _ctx, next) => {
        const result = await next(params);
        return { ...result, tools: result.tools.filter((t) => !t.name.endsWith('_beta')) };
      },
    });
    const module = compose(
      { namespace: 'm', middleware: [hideBeta] },
      tool({ name: 'stable', run: () => 1 }),
      tool({ name: 'x_beta', run: () => 2 }),
    );
    const server = createServer(info, [
      tool({ name: 'local_beta', run: () => 3 }),
      ...module,
      tool({ name: 'z', run: () => 4 }),
    ]);
    expect((await server.listTools()).map((t) => t.name)).toEqual(['local_beta', 'z', 'm_stable']);
  });

  test('nested modules: the outer module middleware runs outside the inner one; each can short-circuit', async () => {
    const seen: string[] = [];
    const inner = compose(
      { namespace: 'in', middleware: [recorder('inner', seen)] },
      tool({ name: 't', run: () => 'ran' }),
    );
    const outer = compose({ namespace: 'out', middleware: [recorder('outer', seen)] }, inner);
    const server = createServer(info, [...outer]);
    await server.callTool('out_in_t');
    expect(seen).toEqual(['outer:tools/call:out_in_t', 'inner:tools/call:out_in_t']);

    const closed: Middleware = () => {
      throw new ProtocolError(-32600, 'This module is closed');
    };
    const gated = createServer(info, [
      ...compose({ middleware: [closed] }, tool({ name: 'g', run: () => 1 })),
      tool({ name: 'open', run: () => 2 }),
    ]);
    expect(await gated.handle({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'g' } })).toMatchObject({
      error: { code: -32600, message: 'This module is closed' },
    });
    expect((await gated.callTool('open')).content).toEqual([{ type: 'text', text: '2' }]);
  });

  test('server middleware wraps module middleware', async () => {
    const seen: string[] = [];
    const module = compose({ middleware: [recorder('module', seen)] }, tool({ name: 't', run: () => 1 }));
    const server = createServer(info, [...module], { middleware: [recorder('server', seen)] });
    await server.callTool('t');
    expect(seen).toEqual(['server:tools/call:t', 'module:tools/call:t']);
  });
});

describe('mount middleware', () => {
  test('applies to the mounted components only, seeing the names clients see', async () => {
    const seen: string[] = [];
    const child = createServer(info, [
      tool({ name: 'ping', run: () => 'pong' }),
      resource({ uri: 'data://x', read: () => 'x' }),
    ]);
    const server = createServer(info, [
      tool({ name: 'local', run: () => 'l' }),
      mount(child, { namespace: 'child', middleware: [recorder('mount', seen)] }),
    ]);
    await server.callTool('local');
    await server.callTool('child_ping');
    await server.readResource('data://child/x');
    expect((await server.listTools()).map((t) => t.name)).toEqual(['local', 'child_ping']);
    expect(seen).toEqual(['mount:tools/call:child_ping', 'mount:resources/read:data://child/x', 'mount:tools/list']);
  });

  test('can filter what a mount lists', async () => {
    const child = createServer(info, [tool({ name: 'keep', run: () => 1 }), tool({ name: 'drop', run: () => 2 })]);
    const onlyKeep = hooks({
      listTools: async (params, _ctx, next) => {
        const result = await next(params);
        return { ...result, tools: result.tools.filter((t) => t.name === 'c_keep') };
      },
    });
    const server = createServer(info, [mount(child, { namespace: 'c', middleware: [onlyKeep] })]);
    expect((await server.listTools()).map((t) => t.name)).toEqual(['c_keep']);
  });
});
