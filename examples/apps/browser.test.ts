/**
 * The view in a real browser: headless Chromium (Debian's `chromium`, driven
 * by playwright-core; never a downloaded browser) hosts the counter's HTML in
 * a sandboxed iframe under the extension's default CSP, with a minimal host
 * page speaking the MCP Apps bridge (JSON-RPC over postMessage). The host
 * forwards the view's `tools/call` to the server through an SDK client over
 * Streamable HTTP, as a real host does.
 */
import { existsSync } from 'node:fs';
import { APP_MIME_TYPE, APPS_EXTENSION } from '@mcpkit/core';
import { type RunningServer, serveHttp } from '@mcpkit/runtime';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import server from './server.js';

const CHROMIUM = '/usr/bin/chromium';
// CI installs it (scripts/test.sh); elsewhere the suite runs without it.
const available = existsSync(CHROMIUM) || process.env.CI === 'true';

/** The host's side of the bridge, run in the page: the view's parent window. */
const HOST_PAGE = `<!doctype html><html><body><script>
window.bridgeLog = [];
window.startView = ({ html, toolInput, toolResult, csp }) => {
  const policy = [
    "default-src 'none'",
    "script-src 'self' 'unsafe-inline' " + (csp.resourceDomains ?? []).join(' '),
    "style-src 'self' 'unsafe-inline' " + (csp.resourceDomains ?? []).join(' '),
    "img-src 'self' data: " + (csp.resourceDomains ?? []).join(' '),
    "connect-src " + ((csp.connectDomains ?? []).join(' ') || "'none'"),
    "frame-src " + ((csp.frameDomains ?? []).join(' ') || "'none'"),
    "object-src 'none'",
  ].join('; ');
  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.srcdoc = html.replace('<head>', '<head><meta http-equiv="Content-Security-Policy" content="' + policy + '">');
  const post = (message) => iframe.contentWindow.postMessage({ jsonrpc: '2.0', ...message }, '*');
  window.addEventListener('message', async (event) => {
    if (event.source !== iframe.contentWindow) return;
    const message = event.data;
    if (message?.jsonrpc !== '2.0') return;
    window.bridgeLog.push(message.method ?? 'response');
    if (message.method === 'ui/initialize') {
      post({ id: message.id, result: {
        protocolVersion: '2026-01-26',
        hostInfo: { name: 'test-host', version: '1.0.0' },
        hostCapabilities: { serverTools: {} },
        hostContext: { theme: 'dark', displayMode: 'inline' },
      } });
    } else if (message.method === 'ui/notifications/initialized') {
      post({ method: 'ui/notifications/tool-input', params: { arguments: toolInput } });
      post({ method: 'ui/notifications/tool-result', params: toolResult });
    } else if (message.method === 'tools/call') {
      try {
        post({ id: message.id, result: await window.forwardToolCall(message.params) });
      } catch (error) {
        post({ id: message.id, error: { code: -32000, message: String(error.message ?? error) } });
      }
    } else if (message.method !== undefined && message.id !== undefined) {
      post({ id: message.id, error: { code: -32601, message: 'Method not found' } });
    }
  });
  document.body.append(iframe);
};
</script></body></html>`;

let browser: Browser | undefined;
let running: RunningServer;
const clients: Client[] = [];
const pages: Page[] = [];
beforeAll(async () => {
  running = await serveHttp(server, { port: 0 });
  if (!available) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}, 60_000);
afterEach(async () => {
  await Promise.all(pages.splice(0).map((p) => p.close()));
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await browser?.close();
  await running.close();
});

/** The host's MCP client: declares MCP Apps, as a host that renders views does. */
const connectHost = async (): Promise<Client> => {
  const client = new Client(
    { name: 'test-host', version: '1.0.0' },
    { capabilities: { extensions: { [APPS_EXTENSION]: { mimeTypes: [APP_MIME_TYPE] } } } },
  );
  clients.push(client);
  await client.connect(new StreamableHTTPClientTransport(new URL(running.url as string)));
  return client;
};

describe.skipIf(!available)('the counter view in headless Chromium', () => {
  test('initializes over the bridge, renders the tool result, and calls the app-only tool through the host', async () => {
    const client = await connectHost();
    const { tools } = await client.listTools();
    const show = tools.find((t) => t.name === 'show_counter');
    const uri = (show?._meta?.ui as { resourceUri?: string } | undefined)?.resourceUri as string;
    const [contents] = (await client.readResource({ uri })).contents;
    expect(contents?.mimeType).toBe(APP_MIME_TYPE);
    const toolResult = await client.callTool({ name: 'show_counter', arguments: {} });

    const page = await (browser as Browser).newPage();
    pages.push(page);
    const forwarded: string[] = [];
    // The host's policy: only tools whose visibility includes "app" may be called by the view.
    await page.exposeFunction(
      'forwardToolCall',
      async (params: { name: string; arguments?: Record<string, unknown> }) => {
        const target = tools.find((t) => t.name === params.name);
        const visibility = (target?._meta?.ui as { visibility?: string[] } | undefined)?.visibility ?? ['model', 'app'];
        if (!visibility.includes('app')) throw new Error(`Tool ${params.name} is not callable by apps`);
        forwarded.push(params.name);
        return client.callTool({ name: params.name, arguments: params.arguments ?? {} });
      },
    );
    await page.setContent(HOST_PAGE);
    await page.evaluate((args) => (window as unknown as { startView: (a: unknown) => void }).startView(args), {
      html: (contents as { text: string }).text,
      toolInput: {},
      toolResult,
      csp: ((contents?._meta?.ui as { csp?: object } | undefined)?.csp ?? {}) as object,
    });
    const view = page.frameLocator('iframe');
    const count = view.locator('#count');
    await expect.poll(() => count.textContent()).toBe('0');

    await view.locator('#increment').click();
    await expect.poll(() => count.textContent()).toBe('1');
    await view.locator('#increment').click();
    await expect.poll(() => count.textContent()).toBe('2');
    expect(forwarded).toEqual(['increment', 'increment']);

    // The clicks reached the server: the host's session counts 2.
    expect(await client.callTool({ name: 'show_counter', arguments: {} })).toMatchObject({
      structuredContent: { count: 2 },
    });
    const log = await page.evaluate(() => (window as unknown as { bridgeLog: string[] }).bridgeLog);
    expect(log.slice(0, 2)).toEqual(['ui/initialize', 'ui/notifications/initialized']);
    expect(log).toContain('tools/call');
    expect(log).toContain('ui/notifications/size-changed');
  });

  test('a call the host refuses shows as an error in the view, and the view keeps working', async () => {
    const client = await connectHost();
    const page = await (browser as Browser).newPage();
    pages.push(page);
    let refuse = true;
    await page.exposeFunction(
      'forwardToolCall',
      async (params: { name: string; arguments?: Record<string, unknown> }) => {
        if (refuse) throw new Error('Denied by the user');
        return client.callTool({ name: params.name, arguments: params.arguments ?? {} });
      },
    );
    await page.setContent(HOST_PAGE);
    const [contents] = (await client.readResource({ uri: 'ui://counter/view' })).contents;
    await page.evaluate((args) => (window as unknown as { startView: (a: unknown) => void }).startView(args), {
      html: (contents as { text: string }).text,
      toolInput: {},
      toolResult: { content: [] },
      csp: {},
    });
    const view = page.frameLocator('iframe');
    await view.locator('#increment').click();
    await expect.poll(() => view.locator('#status').textContent()).toBe('Denied by the user');
    refuse = false;
    await view.locator('#increment').click();
    await expect.poll(() => view.locator('#count').textContent()).toBe('1');
  });
});
