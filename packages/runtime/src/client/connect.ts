import type { ElicitAnswer, Implementation, SampleAnswer, Server } from '@mcpkit/core';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type {
  ClientCapabilities,
  CreateMessageResult,
  JSONRPCMessage,
  JSONRPCNotification,
  Root,
} from '@modelcontextprotocol/sdk/types.js';
import { type RuntimeOptions, startRuntime } from '../lifespan/start-runtime.js';
import type { SessionHub } from '../session/hub.js';
import type { Session } from '../session/types.js';

/** Options of {@link connect}. */
export interface ConnectOptions<T = unknown> extends RuntimeOptions<T> {
  /** The client's `clientInfo`; default `{ name: 'mcpkit-client', version: '1.0.0' }`. */
  readonly clientInfo?: Implementation;
  /** Answers `sampling/createMessage` (a result, or just its text); declares the sampling capability. */
  readonly sample?: SampleAnswer;
  /** Answers `elicitation/create`; declares the elicitation capability (form and URL modes). */
  readonly elicit?: ElicitAnswer;
  /** Answers `roots/list` (a list, or a function called per request); declares the roots capability. */
  readonly roots?: readonly Root[] | (() => readonly Root[] | Promise<readonly Root[]>);
  /** More client capabilities to declare (merged over those the handlers imply). */
  readonly capabilities?: ClientCapabilities;
}

/** A live in-memory connection made by {@link connect}. */
export interface Connection {
  /** The SDK client, initialized: `client.callTool()`, `client.readResource()`, `client.getPrompt()`, … with typed results. */
  readonly client: Client;
  /** The server-side session the client talks to. */
  readonly session: Session;
  /** The hub that owns the session (`hub.resourceUpdated(uri)` notifies subscribers). */
  readonly hub: SessionHub;
  /** Every notification the server sent so far (logs, progress, list changes, resource updates), in order. */
  readonly notifications: readonly JSONRPCNotification[];
  /** Closes the client and the session, then stops the lifespan started for it. Idempotent. */
  readonly close: () => Promise<void>;
  readonly [Symbol.asyncDispose]: () => Promise<void>;
}

const capabilitiesOf = (options: ConnectOptions): ClientCapabilities => ({
  ...(options.sample && { sampling: {} }),
  ...(options.elicit && { elicitation: { form: {}, url: {} } }),
  ...(options.roots && { roots: { listChanged: true } }),
  ...options.capabilities,
});

const toSamplingResult = (answer: CreateMessageResult | string): CreateMessageResult =>
  typeof answer === 'string'
    ? { role: 'assistant', content: { type: 'text', text: answer }, model: 'mcpkit-client' }
    : answer;

/**
 * Connects a real MCP client (the SDK's `Client`) to `server` in memory,
 * through the whole runtime session layer: initialize and version
 * negotiation, capabilities, middleware, sampling, elicitation and roots
 * answered by the handlers you pass, notifications, cancellation. The
 * server's lifespan hooks start first (unless `hub` is given) and stop on
 * `close()`. No process, no port: the fast way to test a server as a client sees it.
 *
 * @example
 * await using connection = await connect(server, { sample: () => 'a haiku' });
 * const result = await connection.client.callTool({ name: 'add', arguments: { a: 1, b: 2 } });
 * expect(result.structuredContent).toEqual({ sum: 3 });
 */
export const connect = async <T = unknown>(server: Server, options: ConnectOptions<T> = {}): Promise<Connection> => {
  // Loaded on use: the main entry stays free of the SDK's client code.
  const [{ Client }, { InMemoryTransport }, schemas] = await Promise.all([
    import('@modelcontextprotocol/sdk/client/index.js'),
    import('@modelcontextprotocol/sdk/inMemory.js'),
    import('@modelcontextprotocol/sdk/types.js'),
  ]);
  const runtime = await startRuntime(server, options);
  const session = runtime.hub.createSession();
  const notifications: JSONRPCNotification[] = [];
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const send = (message: JSONRPCMessage) => {
    if ('method' in message && !('id' in message)) notifications.push(message as JSONRPCNotification);
    void serverSide.send(message).catch(() => {});
  };
  session.setChannel(send);
  serverSide.onmessage = (message) => {
    session.receive(message, send).then(
      (response) => {
        if (response) send(response as JSONRPCMessage);
      },
      () => {},
    );
  };
  serverSide.onclose = () => session.close();
  await serverSide.start();

  const client = new Client(options.clientInfo ?? { name: 'mcpkit-client', version: '1.0.0' }, {
    capabilities: capabilitiesOf(options as ConnectOptions),
  });
  const { sample, elicit, roots } = options;
  if (sample) {
    client.setRequestHandler(schemas.CreateMessageRequestSchema, async (request) =>
      toSamplingResult(await sample(request.params)),
    );
  }
  if (elicit) {
    client.setRequestHandler(schemas.ElicitRequestSchema, async (request) => elicit(request.params));
  }
  if (roots) {
    client.setRequestHandler(schemas.ListRootsRequestSchema, async () => ({
      roots: [...(typeof roots === 'function' ? await roots() : roots)],
    }));
  }

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await client.close().catch(() => {});
      session.close();
      await runtime.stop();
    })();
    return closing;
  };
  try {
    await client.connect(clientSide);
  } catch (error) {
    await close();
    throw error;
  }
  return { client, session, hub: runtime.hub, notifications, close, [Symbol.asyncDispose]: close };
};
