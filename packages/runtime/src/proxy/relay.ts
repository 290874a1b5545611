import type { ContextInput, ElicitRequest, ElicitResult, ListKind, LoggingLevel } from '@mcpkit/core';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';

type Sdk = typeof import('@modelcontextprotocol/sdk/types.js');

/** Which of our requests a remote's messages belong to. */
export interface RelayTarget {
  /** The newest of our requests in flight on this connection, else the last one it served. */
  readonly current: () => ContextInput | undefined;
  /** The remote said one of its lists changed. */
  readonly listChanged: (kind: ListKind) => void;
}

/** What the proxy declares to every remote: it can relay these to its own clients. */
export const RELAYED_CAPABILITIES = {
  sampling: {},
  elicitation: { form: {}, url: {} },
  roots: {},
} as const;

const noRequest = (sdk: Sdk, what: string) =>
  new sdk.McpError(
    sdk.ErrorCode.InvalidRequest,
    `The proxy cannot relay ${what}: none of its clients' requests is in flight on this connection`,
  );

/** Our answer to a relayed elicitation, in the wire shape the remote expects. */
const toWire = (outcome: { action: ElicitResult['action']; content?: unknown }): ElicitResult =>
  outcome.action === 'accept' && outcome.content !== undefined
    ? { action: 'accept', content: outcome.content as ElicitResult['content'] }
    : { action: outcome.action };

/**
 * Wires a remote connection's server-to-client traffic to our clients:
 * sampling, elicitation and roots requests go to the in-flight request's
 * `ctx.sample` / `ctx.elicit` / `ctx.roots` (which fail clearly when our
 * client lacks the capability); logs go to its `ctx.log`; list changes to
 * the proxy. Progress is wired per call (see the connection).
 */
export const installRelay = (client: Client, sdk: Sdk, target: RelayTarget): void => {
  const using = <T>(what: string, run: (ctx: ContextInput) => T): T => {
    const ctx = target.current();
    if (!ctx) throw noRequest(sdk, what);
    return run(ctx);
  };
  client.setRequestHandler(sdk.CreateMessageRequestSchema, (request) =>
    using('sampling/createMessage', (ctx) => {
      if (!ctx.sample) throw noRequest(sdk, 'sampling/createMessage');
      return ctx.sample(request.params as Parameters<NonNullable<ContextInput['sample']>>[0]);
    }),
  );
  client.setRequestHandler(sdk.ElicitRequestSchema, (request) =>
    using('elicitation/create', async (ctx) => {
      if (!ctx.elicit) throw noRequest(sdk, 'elicitation/create');
      const params = request.params;
      const asked: ElicitRequest =
        params.mode === 'url'
          ? { mode: 'url', message: params.message, url: params.url, elicitationId: params.elicitationId }
          : { message: params.message, requestedSchema: params.requestedSchema };
      const elicit = ctx.elicit as (request: ElicitRequest) => Promise<{ action: ElicitResult['action'] }>;
      return toWire(await elicit(asked));
    }),
  );
  client.setRequestHandler(sdk.ListRootsRequestSchema, () =>
    using('roots/list', async (ctx) => {
      if (!ctx.roots) throw noRequest(sdk, 'roots/list');
      return { roots: await ctx.roots() };
    }),
  );
  client.setNotificationHandler(sdk.LoggingMessageNotificationSchema, (notification) => {
    const { level, data, logger } = notification.params;
    // A log with no request of ours to carry it is dropped: there is no client to tell.
    target.current()?.log?.log(level as LoggingLevel, data, logger);
  });
  client.setNotificationHandler(sdk.ToolListChangedNotificationSchema, () => target.listChanged('tools'));
  client.setNotificationHandler(sdk.ResourceListChangedNotificationSchema, () => target.listChanged('resources'));
  client.setNotificationHandler(sdk.PromptListChangedNotificationSchema, () => target.listChanged('prompts'));
};
