/**
 * What the resumability tests share (here and in @mcpkit/redis's): a tool that
 * logs, waits to be released, logs again and answers, and a fetch that drops
 * its response stream in the middle, as a flaky network would.
 */
import { createServer, tool } from '@mcpkit/core';

/** A server whose `staged` tool logs 'one', waits for `release()`, logs 'two' and answers 'done'. */
export const stagedServer = () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const state = { finished: false };
  const server = createServer({ name: 'staged', version: '1' }, [
    tool({
      name: 'staged',
      run: async (_args, ctx) => {
        ctx.log.info('one');
        await gate;
        ctx.log.info('two');
        state.finished = true;
        return 'done';
      },
    }),
  ]);
  return { server, release, state };
};

/** A fetch that cuts the tools/call response stream right after the 'one' log, then runs `onCut`. */
export const flakyFetch =
  (onCut: () => void): typeof fetch =>
  async (input, init) => {
    const response = await fetch(input, init);
    if (init?.method !== 'POST' || !String(init.body).includes('tools/call') || !response.body) return response;
    const decoder = new TextDecoder();
    let seen = '';
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        controller.enqueue(value);
        seen += decoder.decode(value, { stream: true });
        if (seen.includes('"one"')) {
          await reader.cancel();
          controller.error(new Error('network dropped'));
          onCut();
        }
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
