/**
 * One event bus for both eras, seen by the SDK v2 client: a `legacy` client
 * (2025-11-25 session, `resources/subscribe` and the standing stream) and a
 * client pinned to 2026-07-28 (`subscriptions/listen`) on the same endpoint
 * hear the same list change and the same resource update.
 */
import { Client, StreamableHTTPClientTransport, type VersionNegotiationMode } from '@modelcontextprotocol/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import everything from '../../../examples/everything/server.js';
import { createSessionHub, serveHttp } from '../src/index.js';
import { createCleanup } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

const WATCHED = 'test://watched-resource';

describe('SDK v2 clients of both eras on one endpoint', () => {
  it('a legacy and a pinned 2026-07-28 client hear the same list change and resource update', async () => {
    const hub = createSessionHub(everything);
    const running = await serveHttp(everything, { port: 0, host: '127.0.0.1', hub });
    cleanup.add(running.close);
    cleanup.add(() => hub.closeAll());
    const heard: Record<'legacy' | 'pin', string[]> = { legacy: [], pin: [] };
    // Whether a client's standing (GET) stream is open: a legacy session hears list changes only there.
    let standing = false;
    const watchingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === 'GET' && response.ok) standing = true;
      return response;
    };
    const connect = async (label: 'legacy' | 'pin', mode: VersionNegotiationMode) => {
      const client = new Client({ name: `sdk-v2-${label}`, version: '1.0.0' }, { versionNegotiation: { mode } });
      client.setNotificationHandler('notifications/tools/list_changed', () => {
        heard[label].push('tools');
      });
      client.setNotificationHandler('notifications/resources/updated', (notification) => {
        heard[label].push(`updated ${notification.params.uri}`);
      });
      cleanup.add(() => client.close());
      await client.connect(new StreamableHTTPClientTransport(new URL(running.url), { fetch: watchingFetch }));
      return client;
    };
    const legacy = await connect('legacy', 'legacy');
    const pinned = await connect('pin', { pin: '2026-07-28' });
    expect(legacy.getNegotiatedProtocolVersion()).toBe('2025-11-25');
    expect(pinned.getNegotiatedProtocolVersion()).toBe('2026-07-28');

    await legacy.subscribeResource({ uri: WATCHED });
    const subscription = await pinned.listen({ toolsListChanged: true, resourceSubscriptions: [WATCHED] });
    expect(subscription.honoredFilter).toEqual({ toolsListChanged: true, resourceSubscriptions: [WATCHED] });
    // The legacy client opens its standing stream after connecting.
    await vi.waitFor(() => expect(standing).toBe(true));

    await pinned.callTool({ name: 'test_trigger_tool_change', arguments: {} });
    hub.resourceUpdated(WATCHED);
    hub.resourceUpdated('test://static-text');
    const expected = ['tools', `updated ${WATCHED}`];
    await vi.waitFor(() => {
      expect(heard.pin).toEqual(expected);
      expect(heard.legacy).toEqual(expected);
    });

    await subscription.close();
    expect(await subscription.closed).toBe('local');
  });
});
