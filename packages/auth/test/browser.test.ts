/**
 * The user's part in real headless Chromium (Debian's `chromium`, driven by
 * playwright-core; never a downloaded browser): sign in at the upstream
 * oidc-provider, read and approve the consent page, land on the native
 * client's loopback listener; the SDK v1 client then exchanges the code.
 */
import { existsSync } from 'node:fs';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { connect, finishAuth, MemoryClientProvider, textOf } from './helpers/client.js';
import { type Listening, listen } from './helpers/listen.js';
import { type Stack, startStack } from './helpers/stack.js';

const CHROMIUM = '/usr/bin/chromium';
// CI installs it (scripts/test.sh); elsewhere the suite runs without it.
const available = existsSync(CHROMIUM) || process.env.CI === 'true';

let browser: Browser | undefined;
const open: { close: () => Promise<void> }[] = [];
const clients: Client[] = [];
beforeAll(async () => {
  if (!available) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** The native client's loopback listener: resolves with the authorization response's query. */
const startCallback = async (): Promise<{ listening: Listening; response: Promise<URLSearchParams> }> => {
  let deliver: (params: URLSearchParams) => void = () => undefined;
  const response = new Promise<URLSearchParams>((resolve) => {
    deliver = resolve;
  });
  const listening = await listen((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    res.setHeader('content-type', 'text/html');
    res.end('<!doctype html><title>Done</title><p>You can close this window.</p>');
    if (url.pathname === '/callback') deliver(url.searchParams);
  });
  open.push(listening);
  return { listening, response };
};

describe.skipIf(!available)('sign-in in headless Chromium', () => {
  test('upstream login and consent page in the browser, then tools/call with the SDK client', async () => {
    const stack: Stack = await startStack();
    open.push(stack);
    const callback = await startCallback();
    const provider = new MemoryClientProvider(`${callback.listening.origin}/callback`);
    expect(await connect(stack.mcpUrl, provider)).toBeInstanceOf(Error);

    const context = await (browser as Browser).newContext();
    const page = await context.newPage();
    await page.goto((provider.authorizationUrl as URL).href);
    // The upstream's login page.
    await page.getByLabel('User name').fill('bob');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Our consent page, found by its accessible names.
    await page.getByRole('heading', { name: /Allow Test Client to use Notes/ }).waitFor();
    expect(await page.getByRole('listitem').allTextContents()).toEqual(['notes:read', 'notes:write']);
    expect(await page.textContent('main')).toContain(callback.listening.origin.replace('http://', ''));
    await page.getByRole('button', { name: 'Allow' }).click();
    const params = await callback.response;
    await context.close();

    expect(params.get('iss')).toBe(stack.baseUrl);
    await finishAuth(stack.mcpUrl, provider, params.get('code') ?? '');
    const client = await connect(stack.mcpUrl, provider);
    if (client instanceof Error) throw client;
    clients.push(client);
    expect(JSON.parse(textOf(await client.callTool({ name: 'whoami', arguments: {} }))).subject).toBe('bob');
  }, 60_000);

  test('Deny in the browser sends access_denied to the client', async () => {
    const stack: Stack = await startStack();
    open.push(stack);
    const callback = await startCallback();
    const provider = new MemoryClientProvider(`${callback.listening.origin}/callback`);
    await connect(stack.mcpUrl, provider);
    const context = await (browser as Browser).newContext();
    const page = await context.newPage();
    await page.goto((provider.authorizationUrl as URL).href);
    await page.getByLabel('User name').fill('carol');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Deny' }).click();
    const params = await callback.response;
    await context.close();
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('code')).toBeNull();
  }, 60_000);
});
