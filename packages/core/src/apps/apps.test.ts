import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import {
  APP_MIME_TYPE,
  APPS_EXTENSION,
  appResource,
  compose,
  createServer,
  createTestContext,
  DefinitionError,
  supportsApps,
  tool,
} from '../index.js';

const info = { name: 'apps', version: '1' };
const HTML = '<!doctype html><html><body>view</body></html>';

describe('appResource', () => {
  const view = appResource({
    uri: 'ui://board/view',
    name: 'board',
    description: 'The board',
    html: HTML,
    csp: { connectDomains: ['https://api.example.com'], resourceDomains: ['https://*.cdn.example.com'] },
    permissions: { clipboardWrite: {} },
    prefersBorder: true,
  });
  const ui = {
    csp: { connectDomains: ['https://api.example.com'], resourceDomains: ['https://*.cdn.example.com'] },
    permissions: { clipboardWrite: {} },
    prefersBorder: true,
  };

  test('the constants are the extension’s identifier and MIME type', () => {
    expect(APPS_EXTENSION).toBe('io.modelcontextprotocol/ui');
    expect(APP_MIME_TYPE).toBe('text/html;profile=mcp-app');
  });

  test('lists as a ui:// resource of the app MIME type with its _meta.ui', async () => {
    expect(await createServer(info, [view]).listResources()).toEqual([
      {
        uri: 'ui://board/view',
        name: 'board',
        description: 'The board',
        mimeType: 'text/html;profile=mcp-app',
        _meta: { ui },
      },
    ]);
  });

  test('reads as the HTML with the app MIME type and _meta.ui on the contents', async () => {
    expect(await createServer(info, [view]).readResource('ui://board/view')).toEqual({
      contents: [{ uri: 'ui://board/view', mimeType: 'text/html;profile=mcp-app', text: HTML, _meta: { ui } }],
    });
  });

  test('html may be a function of the context, read on every read', async () => {
    let n = 0;
    const live = appResource({ uri: 'ui://live', html: (ctx) => `<p>${ctx.session.id ?? 'none'} ${++n}</p>` });
    const server = createServer(info, [live]);
    expect((await server.readResource('ui://live')).contents[0]).toMatchObject({ text: '<p>none 1</p>' });
    expect((await server.readResource('ui://live')).contents[0]).toMatchObject({
      text: '<p>none 2</p>',
      _meta: { ui: {} },
    });
  });

  test('an html function that returns no string is a resource error, and the server keeps serving', async () => {
    const broken = appResource({ uri: 'ui://broken', html: () => 42 as never });
    const server = createServer(info, [broken, view]);
    await expect(server.readResource('ui://broken')).rejects.toThrow(/html\(\) must return a string/);
    expect((await server.readResource('ui://board/view')).contents).toHaveLength(1);
  });

  test.each([
    ['a URI of another scheme', { uri: 'data://x' }, /must use the ui:\/\/ scheme/],
    ['a bare ui://', { uri: 'ui://' }, /must use the ui:\/\/ scheme/],
    ['no html', { html: undefined }, /needs html/],
    ['an unknown csp key', { csp: { scriptDomains: ['https://a'] } }, /unknown csp key 'scriptDomains'/],
    ['an origin that adds a directive', { csp: { connectDomains: ['https://a; script-src *'] } }, /one token/],
    ['origins that are not a list', { csp: { frameDomains: 'https://a' } }, /csp.frameDomains must be a list/],
    ['an unknown permission', { permissions: { usb: {} } }, /unknown permission 'usb'/],
    ['a domain with spaces', { domain: 'a b' }, /domain must be one host name/],
    ['a non-boolean prefersBorder', { prefersBorder: 'yes' }, /prefersBorder must be a boolean/],
  ])('refuses %s at definition', (_what, change, message) => {
    expect(() => appResource({ uri: 'ui://x', html: HTML, ...(change as object) } as never)).toThrow(DefinitionError);
    expect(() => appResource({ uri: 'ui://x', html: HTML, ...(change as object) } as never)).toThrow(message);
  });
});

describe('the tool ui option', () => {
  test('links the tool to its view as _meta.ui, with the flat key older hosts read', async () => {
    const show = tool({
      name: 'show',
      meta: { 'vendor/x': 1 },
      ui: { resourceUri: 'ui://board/view', visibility: ['model', 'app'] },
      run: () => 'shown',
    });
    const [listed] = await createServer(info, [show]).listTools();
    expect(listed?._meta).toEqual({
      'vendor/x': 1,
      ui: { resourceUri: 'ui://board/view', visibility: ['model', 'app'] },
      'ui/resourceUri': 'ui://board/view',
    });
  });

  test('an app-only tool carries only its visibility when it has no view of its own', async () => {
    const bump = tool({ name: 'bump', input: v.object({ by: v.number() }), ui: { visibility: ['app'] }, run: () => 1 });
    const [listed] = await createServer(info, [bump]).listTools();
    expect(listed?._meta).toEqual({ ui: { visibility: ['app'] } });
    // The server still answers it: hiding it from the model is the host's part.
    expect(await createServer(info, [bump]).callTool('bump', { by: 1 }, createTestContext())).toMatchObject({
      content: [{ text: '1' }],
    });
  });

  test.each([
    ['a URI that is not ui://', { resourceUri: 'https://x' }, /ui.resourceUri must be a ui:\/\/ URI/],
    ['an empty visibility', { visibility: [] }, /ui.visibility must list/],
    ['an unknown audience', { visibility: ['user'] }, /ui.visibility must list/],
  ])('refuses %s at definition', (_what, ui, message) => {
    expect(() => tool({ name: 't', ui: ui as never, run: () => 1 })).toThrow(message);
  });

  test('compose() namespaces the view and the link together', async () => {
    const view = appResource({ uri: 'ui://board', html: HTML });
    const show = tool({ name: 'show', ui: { resourceUri: 'ui://board' }, run: () => 1 });
    const plain = tool({ name: 'plain', meta: { ui: { resourceUri: 'https://elsewhere' } }, run: () => 1 });
    const server = createServer(info, [...compose({ namespace: 'games' }, view, show, plain)]);
    const tools = await server.listTools();
    expect(tools[0]?._meta).toEqual({ ui: { resourceUri: 'ui://games/board' }, 'ui/resourceUri': 'ui://games/board' });
    expect(tools[1]?._meta).toEqual({ ui: { resourceUri: 'https://elsewhere' } });
    expect((await server.readResource('ui://games/board')).contents[0]).toMatchObject({ text: HTML });
  });
});

describe('supportsApps', () => {
  const withExtensions = (extensions: unknown) => createTestContext({ clientCapabilities: { extensions } as never });

  test('is true when the client declared the extension with the app MIME type', () => {
    expect(supportsApps(withExtensions({ [APPS_EXTENSION]: { mimeTypes: ['text/html;profile=mcp-app'] } }))).toBe(true);
  });

  test.each([
    ['no capabilities', createTestContext()],
    ['no extensions', createTestContext({ clientCapabilities: {} })],
    ['another extension', withExtensions({ 'com.example/x': { mimeTypes: [APP_MIME_TYPE] } })],
    ['the extension without mimeTypes', withExtensions({ [APPS_EXTENSION]: {} })],
    ['other MIME types only', withExtensions({ [APPS_EXTENSION]: { mimeTypes: ['text/uri-list'] } })],
    ['mimeTypes that is no list', withExtensions({ [APPS_EXTENSION]: { mimeTypes: APP_MIME_TYPE } })],
    ['settings that are no object', withExtensions({ [APPS_EXTENSION]: true })],
  ])('is false with %s', (_what, ctx) => {
    expect(supportsApps(ctx)).toBe(false);
  });
});

describe('the extension is advertised when components use it', () => {
  const view = appResource({ uri: 'ui://v', html: HTML });
  const linked = tool({ name: 'linked', ui: { resourceUri: 'ui://v' }, run: () => 1 });
  const byHand = tool({ name: 'by_hand', meta: { ui: { resourceUri: 'ui://v' } }, run: () => 1 });
  const plain = tool({ name: 'plain', meta: { 'vendor/x': 1 }, run: () => 1 });
  const settings = { mimeTypes: [APP_MIME_TYPE] };

  test.each([
    ['a view', [view]],
    ['a tool with the ui option', [linked]],
    ['a tool whose meta has ui', [byHand]],
    ['a composed view', [...compose({ namespace: 'ns' }, view)]],
  ])('with %s', (_what, components) => {
    expect(createServer(info, components).capabilities.extensions).toEqual({ [APPS_EXTENSION]: settings });
  });

  test('not without such components, nor when they are filtered out', () => {
    expect(createServer(info, [plain]).capabilities.extensions).toBeUndefined();
    const tagged = appResource({ uri: 'ui://t', html: HTML, tags: ['ui'] });
    expect(createServer(info, [tagged, plain], { exclude: ['ui'] }).capabilities.extensions).toBeUndefined();
  });

  test('the author’s settings for the key win; other extensions are kept', () => {
    const own = { mimeTypes: [APP_MIME_TYPE, 'text/x-other'] };
    expect(createServer(info, [view], { extensions: { [APPS_EXTENSION]: own } }).capabilities.extensions).toEqual({
      [APPS_EXTENSION]: own,
    });
    expect(createServer(info, [view], { extensions: { 'com.example/x': {} } }).capabilities.extensions).toEqual({
      'com.example/x': {},
      [APPS_EXTENSION]: settings,
    });
  });
});
