/**
 * Helpers for the OpenAPI tests: the pet API on 127.0.0.1:0, a front MCP
 * server mounting `openapi()` providers served over Streamable HTTP, and an
 * SDK v1 client connected to it.
 */
import { type Component, createServer, type Module, mount, type ServerOptions } from '@mcpkit/core';
import { type ServeHttpOptions, serveHttp } from '@mcpkit/runtime';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FastifyInstance } from 'fastify';
import { type OpenApiOptions, type OpenApiProvider, openapi } from '../src/index.js';
import { buildPetApi } from './fixtures/pet-api.js';

/** Things to close after each test, newest first. */
export const createCleanup = () => {
  const closers: (() => Promise<unknown> | unknown)[] = [];
  return {
    add: (closer: () => Promise<unknown> | unknown) => {
      closers.push(closer);
    },
    run: async () => {
      for (const close of closers.splice(0).reverse()) await Promise.resolve(close()).catch(() => {});
    },
  };
};

export type Cleanup = ReturnType<typeof createCleanup>;

/** The pet API listening on 127.0.0.1:0, its URL and its generated OpenAPI document. */
export const startPetApi = async (cleanup: Cleanup, version: '3.0.3' | '3.1.0' = '3.0.3') => {
  const app: FastifyInstance = await buildPetApi(version);
  await app.listen({ host: '127.0.0.1', port: 0 });
  cleanup.add(() => app.close());
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const url = `http://127.0.0.1:${address.port}`;
  return { app, url, document: app.swagger() as unknown as Record<string, unknown> };
};

/** An SDK v1 client over Streamable HTTP, with optional extra request headers. */
export const connectClient = async (cleanup: Cleanup, url: string, headers: Record<string, string> = {}) => {
  const client = new Client({ name: 'openapi-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  cleanup.add(() => client.close());
  return client;
};

/** Serves components over Streamable HTTP on 127.0.0.1:0 and connects a client. */
export const serveAndConnect = async (
  cleanup: Cleanup,
  components: readonly (Component | Module)[],
  options: {
    readonly http?: ServeHttpOptions;
    readonly headers?: Record<string, string>;
    readonly server?: ServerOptions;
  } = {},
) => {
  const server = createServer({ name: 'front', version: '1.0.0' }, components, options.server);
  const running = await serveHttp(server, { port: 0, ...options.http });
  cleanup.add(running.close);
  return connectClient(cleanup, running.url, options.headers);
};

/** The pet API, an `openapi()` provider for it mounted (namespace `pets` unless told), and a connected client. */
export const petSetup = async (
  cleanup: Cleanup,
  options: OpenApiOptions & { readonly namespace?: string | null } = {},
) => {
  const api = await startPetApi(cleanup);
  const provider: OpenApiProvider = await openapi(api.document, { baseUrl: api.url, ...options });
  const namespace = options.namespace === undefined ? 'pets' : options.namespace;
  const client = await serveAndConnect(cleanup, [mount(provider, namespace === null ? {} : { namespace })]);
  return { api, provider, client };
};

/** The text of a tool result's first content block. */
export const firstText = (result: unknown): string =>
  ((result as { content: { type: string; text?: string }[] }).content[0]?.text ?? '') as string;

/** The echo a route returned, parsed from a tool result's text. */
export const echoOf = (result: unknown) =>
  JSON.parse(firstText(result)) as { method: string; url: string; headers: Record<string, string>; body?: unknown };
