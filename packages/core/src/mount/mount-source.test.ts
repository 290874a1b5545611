import { describe, expect, test } from 'vitest';
import { changingProvider } from '../../test/changing-provider.js';
import { createServer, mount, type Provider, tool } from '../index.js';

const info = { name: 'main', version: '1' };

/** The provider, counting how often its tools are listed. */
const counted = (provider: Provider) => {
  const count = { lists: 0 };
  const wrapped: Provider = {
    ...provider,
    listTools: (ctx) => {
      count.lists++;
      return provider.listTools(ctx);
    },
  };
  return { provider: wrapped, count };
};

describe('a mounted call finds its target', () => {
  test('without listing the provider again while the server hears its changes; a change is heard at once', async () => {
    const changing = changingProvider();
    const { provider, count } = counted(changing.provider);
    const server = createServer(info, [mount(provider, { namespace: 'p' })]);
    const stop = server.onListChanged(() => {});
    expect((await server.callTool('p_v1')).content).toEqual([{ type: 'text', text: 'one' }]);
    expect((await server.callTool('p_v1')).content).toEqual([{ type: 'text', text: 'one' }]);
    expect((await server.callTool('p_v1')).content).toEqual([{ type: 'text', text: 'one' }]);
    expect(count.lists).toBe(1);
    // A tool added before its change event arrives is found by listing afresh.
    changing.grow();
    expect((await server.callTool('p_v2')).content).toEqual([{ type: 'text', text: 'two' }]);
    expect(count.lists).toBe(2);
    // A change event forgets what was kept.
    changing.announce();
    await server.callTool('p_v1');
    expect(count.lists).toBe(3);
    await expect(server.callTool('p_v9')).rejects.toThrow(/Unknown tool/);
    stop();
  });

  test('lists every time while nobody listens (changes would go unheard) and for requests with auth', async () => {
    const { provider, count } = counted(changingProvider().provider);
    const server = createServer(info, [mount(provider), tool({ name: 'own', run: () => 'own' })]);
    await server.callTool('v1');
    await server.callTool('v1');
    expect(count.lists).toBe(2);
    const stop = server.onListChanged(() => {});
    const auth = { subject: 'u', scopes: [], claims: {} };
    await server.callTool('v1', {}, { auth });
    await server.callTool('v1', {}, { auth });
    expect(count.lists).toBe(4);
    await server.callTool('v1');
    await server.callTool('v1');
    expect(count.lists).toBe(5);
    stop();
  });
});
