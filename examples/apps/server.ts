/**
 * An MCP App: a counter the user clicks in the chat. `show_counter` links to
 * the view (a ui:// HTML resource); the view calls the app-only `increment`
 * tool through the host. Clients without MCP Apps get the count as text.
 */
import { readFileSync } from 'node:fs';
import { appResource, type Context, callResult, createServer, supportsApps, text, tool } from '@mcpkit/core';
import * as v from 'valibot';

/** The view: one self-contained HTML document (inline script and style, so no CSP origins are needed). */
export const counterView = appResource({
  uri: 'ui://counter/view',
  name: 'counter-view',
  description: 'A counter with a +1 button',
  html: readFileSync(new URL('./view.html', import.meta.url), 'utf8'),
  prefersBorder: true,
});

const COUNT = 'counter.count';
const countOf = (ctx: Context): number => (ctx.session.state.get(COUNT) as number | undefined) ?? 0;

/** Shows the counter: in the view where the client supports MCP Apps, as a sentence elsewhere. */
export const showCounter = tool({
  name: 'show_counter',
  description: 'Show the session counter (interactive where the client supports MCP Apps)',
  ui: { resourceUri: counterView.uri },
  run: (_args, ctx) => {
    const count = countOf(ctx);
    if (!supportsApps(ctx)) return `The counter is at ${count}.`;
    // The text is for the model; the view renders structuredContent.
    return callResult({
      content: [text(`The counter is at ${count}; the user sees it in an interactive view.`)],
      structuredContent: { count },
    });
  },
});

/** Adds to the counter; only the view calls it (hidden from the model by the host). */
export const increment = tool({
  name: 'increment',
  description: 'Add to the session counter',
  input: v.object({ by: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)) }),
  output: v.object({ count: v.number() }),
  ui: { resourceUri: counterView.uri, visibility: ['app'] },
  run: ({ by }, ctx) => {
    const count = countOf(ctx) + by;
    ctx.session.state.set(COUNT, count);
    return { count };
  },
});

// createServer advertises io.modelcontextprotocol/ui (with the view MIME type) because these components use it;
// the client declares the extension with the MIME types it renders.
export default createServer({ name: 'counter-app', version: '1.0.0' }, [counterView, showCounter, increment]);
