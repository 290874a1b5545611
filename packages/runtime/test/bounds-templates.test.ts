/**
 * Template values through a real transport: a `{x}` value is one path
 * segment, so an encoded slash never reaches the handler decoded.
 */
import { createServer, resource } from '@mcpkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { connectHttp, createCleanup, startHttp } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

const seen: Record<string, string>[] = [];
const files = createServer({ name: 'files', version: '1.0.0' }, [
  resource({
    uri: 'users://{id}/profile',
    read: ({ id }) => {
      seen.push({ id });
      return `profile of ${id}`;
    },
  }),
  resource({
    uri: 'files://{path*}',
    read: ({ path }) => {
      seen.push({ path });
      return `file ${path}`;
    },
  }),
]);

const textOf = (result: { contents: unknown[] }) => (result.contents[0] as { text: string }).text;

describe('bounds: URI template values', () => {
  it('never hands a {x} handler a decoded "/": ..%2F.. is an unknown resource (-32002)', async () => {
    const { url } = await startHttp(cleanup, {}, files);
    const { client } = await connectHttp(cleanup, url);
    seen.length = 0;
    for (const uri of ['users://..%2F..%2Fetc%2Fpasswd/profile', 'users://a%2fb/profile', 'users://%2F/profile']) {
      await expect(client.readResource({ uri })).rejects.toMatchObject({ code: -32002 });
    }
    expect(seen).toEqual([]);
    // Other escapes still decode.
    expect(textOf(await client.readResource({ uri: 'users://ada%20lovelace/profile' }))).toBe(
      'profile of ada lovelace',
    );
  });

  it('lets {x*} values hold slashes, decoded (RFC 6570 reserved expansion)', async () => {
    const { url } = await startHttp(cleanup, {}, files);
    const { client } = await connectHttp(cleanup, url);
    expect(textOf(await client.readResource({ uri: 'files://a/b%2Fc' }))).toBe('file a/b/c');
  });
});
