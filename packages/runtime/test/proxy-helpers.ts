/**
 * Helpers for the proxy tests: a front server that mounts proxies, served over
 * Streamable HTTP on 127.0.0.1:0, and SDK clients that answer sampling,
 * elicitation and roots and record what they are told.
 */
import { fileURLToPath } from 'node:url';
import { createServer, mount, type Provider, type Server } from '@mcpkit/core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ListRootsRequestSchema,
  LoggingMessageNotificationSchema,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { createSessionHub, type SessionHub, serveHttp } from '../src/index.js';
import { entryCommand } from './fixtures/spawn-stdio.js';
import type { Cleanup } from './http-helpers.js';

/** The command that runs the proxy tests' remote server over stdio. */
export const remoteCommand = () =>
  entryCommand(fileURLToPath(new URL('./fixtures/proxy-remote-entry.ts', import.meta.url)));

/** The stdio entry of `@modelcontextprotocol/server-everything`, run with node. */
export const everythingCommand = () => ({
  command: process.execPath,
  args: [fileURLToPath(import.meta.resolve('@modelcontextprotocol/server-everything/dist/index.js')), 'stdio'],
});

/** Serves `server` over Streamable HTTP through a hub the test can inspect. */
export const serveWithHub = async (cleanup: Cleanup, server: Server): Promise<{ url: string; hub: SessionHub }> => {
  const hub = createSessionHub(server);
  const running = await serveHttp(server, { port: 0, hub });
  cleanup.add(async () => {
    await running.close();
    hub.closeAll();
  });
  return { url: running.url, hub };
};

/** A front server mounting each provider under its key, served over Streamable HTTP. */
export const serveFront = async (cleanup: Cleanup, providers: Record<string, Provider>) => {
  const server = createServer(
    { name: 'front', version: '1.0.0' },
    Object.entries(providers).map(([namespace, provider]) => mount(provider, { namespace })),
  );
  return { server, ...(await serveWithHub(cleanup, server)) };
};

/** What a {@link richClient} was told. */
export interface Heard {
  readonly logs: { level: string; data: unknown; logger?: string }[];
  readonly toolListChanged: number;
  readonly sampled: unknown[];
  readonly elicited: unknown[];
}

/**
 * An SDK client over Streamable HTTP that declares sampling, elicitation and
 * roots, answers them, and records logs and tool list changes.
 */
export const richClient = async (cleanup: Cleanup, url: string, name = 'rich') => {
  const client = new Client(
    { name, version: '1.0.0' },
    { capabilities: { sampling: {}, elicitation: { form: {}, url: {} }, roots: { listChanged: true } } },
  );
  const heard: Heard = { logs: [], toolListChanged: 0, sampled: [], elicited: [] };
  let elicitAnswer: Record<string, unknown> = { name: 'Ada', age: 36 };
  client.setRequestHandler(CreateMessageRequestSchema, (request) => {
    heard.sampled.push(request.params);
    return { model: 'test-model', role: 'assistant', content: { type: 'text', text: 'forty-two' } };
  });
  client.setRequestHandler(ElicitRequestSchema, (request) => {
    heard.elicited.push(request.params);
    return { action: 'accept', content: elicitAnswer as Record<string, string> };
  });
  client.setRequestHandler(ListRootsRequestSchema, () => ({ roots: [{ uri: 'file:///work', name: 'work' }] }));
  client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
    heard.logs.push(n.params as Heard['logs'][number]);
  });
  const listChanged: (() => void)[] = [];
  client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
    (heard as { toolListChanged: number }).toolListChanged++;
    for (const resolve of listChanged.splice(0)) resolve();
  });
  cleanup.add(() => client.close());
  const transport = new StreamableHTTPClientTransport(new URL(url));
  await client.connect(transport);
  return {
    client,
    heard,
    /** Ends our session (DELETE), then closes the client. */
    end: async () => {
      await transport.terminateSession();
      await client.close();
    },
    /** Resolves at the next `tools/list_changed`. */
    nextToolListChanged: () => new Promise<void>((resolve) => listChanged.push(resolve)),
    answerElicitationWith: (content: Record<string, unknown>) => {
      elicitAnswer = content;
    },
  };
};

/** The text of a tool result's first content block. */
export const textOf = (result: unknown): string => {
  const content = (result as { content?: { type: string; text?: string }[] }).content ?? [];
  return content[0]?.type === 'text' ? (content[0].text ?? '') : '';
};
