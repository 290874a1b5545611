import { createServer, mount, type Server } from '@mcpkit/core';
import { type ProxyProvider, type ProxyTarget, proxy } from '@mcpkit/runtime';

/** The reference "everything" server from npm, started over stdio. */
export const EVERYTHING: ProxyTarget = { command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'] };

/**
 * A gateway: one server whose tools, resources and prompts are those of a
 * remote server (any transport), under the namespace `everything`. Serve it
 * over another transport to bridge the two.
 */
export const createGateway = (target: ProxyTarget = EVERYTHING): { server: Server; remote: ProxyProvider } => {
  const remote = proxy(target, { name: 'everything' });
  const server = createServer({ name: 'gateway', version: '1.0.0' }, [mount(remote, { namespace: 'everything' })]);
  return { server, remote };
};
