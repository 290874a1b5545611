/**
 * Drives mcpkit with the SDK v2 client (`@modelcontextprotocol/client`), the
 * client of the 2026-07-28 era, over each transport, in every negotiation
 * mode (`legacy`, `auto`, `{ pin: '2026-07-28' }`).
 */
import type { Server } from '@mcpkit/core';
import {
  Client,
  type ClientCapabilities,
  StreamableHTTPClientTransport,
  type VersionNegotiationMode,
} from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { serveHttp } from '../src/index.js';
import { cliArgs, EVERYTHING, ROOT } from './cli-helpers.js';
import type { Cleanup } from './http-helpers.js';

/** Where the client reaches mcpkit: stateful HTTP, stateless HTTP, or `mcpkit run` over stdio. */
export type V2Transport = 'http' | 'stateless' | 'stdio';

/** A connected SDK v2 client and what the connection negotiated. */
export interface V2Connection {
  readonly client: Client;
  /** The revision the connection settled on (`2025-11-25` on the legacy era). */
  readonly protocolVersion: string | undefined;
  /** `legacy` or `modern`. */
  readonly era: string | undefined;
}

/** What the client declares and answers before it connects. */
export interface V2ClientSetup {
  readonly capabilities?: ClientCapabilities;
  /** Registers request handlers (`elicitation/create`, `sampling/createMessage`, …) before connecting. */
  readonly setup?: (client: Client) => void;
}

/**
 * Connects an SDK v2 client in `mode` to `server` over `transport`: HTTP
 * transports serve `server` in-process on 127.0.0.1:0; stdio runs the
 * everything fixture with `mcpkit run` (the only server a process can load).
 * Everything it opens is closed by `cleanup`.
 */
export const connectSdkV2Client = async (
  cleanup: Cleanup,
  transport: V2Transport,
  mode: VersionNegotiationMode,
  server: Server,
  options: V2ClientSetup = {},
): Promise<V2Connection> => {
  const client = new Client(
    { name: 'sdk-v2-test', version: '1.0.0' },
    { versionNegotiation: { mode }, ...(options.capabilities ? { capabilities: options.capabilities } : {}) },
  );
  options.setup?.(client);
  if (transport === 'stdio') {
    cleanup.add(() => client.close());
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: cliArgs('run', EVERYTHING),
        cwd: ROOT,
        env: { ...process.env } as Record<string, string>,
        stderr: 'ignore',
      }),
    );
  } else {
    const running = await serveHttp(server, { port: 0, host: '127.0.0.1', stateless: transport === 'stateless' });
    cleanup.add(running.close);
    cleanup.add(() => client.close());
    await client.connect(new StreamableHTTPClientTransport(new URL(running.url)));
  }
  return { client, protocolVersion: client.getNegotiatedProtocolVersion(), era: client.getProtocolEra() };
};
