import { DefinitionError } from '@mcpkit/core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, describe, expect, test } from 'vitest';
import { closeProxies, fromConfig, namespaceOf } from '../src/index.js';
import { cliArgs, ROOT, runCli, scratch } from './cli-helpers.js';
import { createRemoteServer } from './fixtures/proxy-remote.js';
import { entryCommand } from './fixtures/spawn-stdio.js';
import { createCleanup } from './http-helpers.js';
import { richClient, serveWithHub, textOf } from './proxy-helpers.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

const configError = (config: unknown) => {
  try {
    fromConfig(config);
  } catch (error) {
    expect(error).toBeInstanceOf(DefinitionError);
    return (error as Error).message;
  }
  throw new Error('fromConfig accepted a bad config');
};

describe('fromConfig() validation', () => {
  test('names the entry and the field that is wrong', () => {
    expect(configError({ mcpServers: { weather: { command: 3 } } })).toBe(
      'mcpServers.weather.command must be a string',
    );
    expect(configError({ mcpServers: { weather: { command: '' } } })).toBe(
      'mcpServers.weather.command must not be empty',
    );
    expect(configError({ mcpServers: { weather: { command: 'x', args: 'a b' } } })).toBe(
      'mcpServers.weather.args must be an array of strings',
    );
    expect(configError({ mcpServers: { weather: { command: 'x', args: ['ok', 2] } } })).toBe(
      'mcpServers.weather.args[1] must be a string',
    );
    expect(configError({ mcpServers: { weather: { command: 'x', env: { KEY: 1 } } } })).toBe(
      'mcpServers.weather.env.KEY must be a string',
    );
    expect(configError({ mcpServers: { remote: { url: 'not a url' } } })).toBe('mcpServers.remote.url must be a URL');
    expect(configError({ mcpServers: { remote: { url: 'http://x/mcp', transport: 'ws' } } })).toMatch(
      /^mcpServers\.remote\.transport must be one of http, streamable-http/,
    );
    expect(configError({ mcpServers: { odd: { args: [] } } })).toBe(
      'mcpServers.odd needs a "command" (a stdio server) or a "url" (an HTTP server)',
    );
    expect(configError({ mcpServers: { odd: 'node server.js' } })).toBe('mcpServers.odd must be an object');
    expect(configError({ servers: { vs: { type: 'stdio' } } })).toBe('servers.vs.command is missing');
  });

  test('rejects what is not a config, and names that cannot be namespaces', () => {
    expect(configError('{ nope')).toMatch(/^The MCP config is not valid JSON/);
    expect(configError([])).toBe('The MCP config must be a JSON object');
    expect(configError({ tools: {} })).toMatch(/needs an "mcpServers" object/);
    expect(configError({ mcpServers: [] })).toBe('mcpServers must be an object of servers by name');
    expect(configError({ mcpServers: { 'my server': { command: 'a' }, my_server: { command: 'b' } } })).toBe(
      'mcpServers.my_server and mcpServers.my server both become the namespace "my_server": rename one of them',
    );
    expect(configError({ mcpServers: { '///': { command: 'a' } } })).toMatch(/needs at least one letter or digit/);
  });

  test('namespaces: runs of other characters become one underscore', () => {
    expect(namespaceOf('weather')).toBe('weather');
    expect(namespaceOf('my server')).toBe('my_server');
    expect(namespaceOf('@acme/files')).toBe('_acme_files');
    expect(namespaceOf('v1.2-beta')).toBe('v1.2-beta');
  });

  test('accepts VS Code servers with type, and leaves disabled entries out (nothing connects yet)', async () => {
    const server = fromConfig(
      JSON.stringify({
        servers: {
          web: { type: 'http', url: 'http://127.0.0.1:9/mcp' },
          legacy: { type: 'sse', url: 'http://127.0.0.1:9/sse', headers: { authorization: 'Bearer x' } },
          off: { command: 'never', disabled: true },
        },
      }),
      { info: { name: 'vscode', version: '2' } },
    );
    expect(server.info).toEqual({ name: 'vscode', version: '2' });
    expect(server.components.map((c) => (c.kind === 'mount' ? c.layers[0]?.namespace : c.kind))).toEqual([
      'web',
      'legacy',
    ]);
    await closeProxies(server);
  });
});

/** A config with the demo server over stdio, the remote fixture over HTTP, and one that is down. */
const twoServers = async () => {
  const remote = await serveWithHub(cleanup, createRemoteServer());
  const demo = entryCommand();
  return {
    remote,
    config: {
      mcpServers: {
        demo: { command: demo.command, args: demo.args, cwd: demo.cwd },
        'remote api': { url: remote.url, transport: 'streamable-http' },
        broken: { command: process.execPath, args: ['-e', 'process.exit(1)'] },
      },
    },
  };
};

describe('fromConfig() serving', () => {
  test('one server proxying two (and a broken one that lists nothing)', async () => {
    const { config } = await twoServers();
    const server = fromConfig(config);
    cleanup.add(() => closeProxies(server));
    const { url } = await serveWithHub(cleanup, server);
    const { client, heard } = await richClient(cleanup, url);
    const tools = (await client.listTools()).tools.map((t) => t.name);
    expect(tools).toEqual(expect.arrayContaining(['demo_echo', 'remote_api_whoami', 'remote_api_shout']));
    expect(tools.some((name) => name.startsWith('broken_'))).toBe(false);
    expect(heard.logs.some((log) => String(log.data).includes('Remote MCP server "broken" is unavailable'))).toBe(true);
    expect(textOf(await client.callTool({ name: 'demo_echo', arguments: { text: 'one' } }))).toBe('one');
    expect(textOf(await client.callTool({ name: 'remote_api_shout', arguments: { text: 'two' } }))).toBe('TWO');
  });

  test('mcpkit inspect mcp.json describes every server; mcpkit run mcp.json serves them over stdio', async () => {
    const { config } = await twoServers();
    const dir = scratch();
    cleanup.add(dir.remove);
    const file = dir.file('mcp.json', JSON.stringify(config));

    // The broken entry is reported, not silently dropped: listed under `unreachable`, on stderr, and exit 1.
    const inspected = await runCli(['inspect', file]);
    expect(inspected.code).toBe(1);
    const described = JSON.parse(inspected.stdout);
    expect(described.server).toEqual({ name: 'mcp', version: '1.0.0' });
    const names = described.tools.map((t: { name: string }) => t.name);
    expect(names).toEqual(expect.arrayContaining(['demo_echo', 'remote_api_whoami']));
    expect(described.unreachable).toEqual([{ name: 'broken', error: expect.any(String) }]);
    expect(inspected.stderr).toMatch(/mcpkit: broken: unreachable: /);
    const healthy = dir.file('healthy.json', JSON.stringify({ mcpServers: { demo: config.mcpServers.demo } }));
    const clean = await runCli(['inspect', healthy]);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout).unreachable).toBeUndefined();

    // an HTTP server (and a stdio one) bridged to a stdio client
    const client = new Client({ name: 'stdio-client', version: '1' });
    const transport = new StdioClientTransport({ command: process.execPath, args: cliArgs('run', file), cwd: ROOT });
    cleanup.add(() => client.close());
    await client.connect(transport);
    expect(textOf(await client.callTool({ name: 'remote_api_shout', arguments: { text: 'bridged' } }))).toBe('BRIDGED');
    expect(textOf(await client.callTool({ name: 'demo_echo', arguments: { text: 'hop' } }))).toBe('hop');
  });

  test('mcpkit run reports a bad config file plainly', async () => {
    const dir = scratch();
    cleanup.add(dir.remove);
    const file = dir.file('bad.json', JSON.stringify({ mcpServers: { weather: { command: 3 } } }));
    const run = await runCli(['inspect', file]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('mcpServers.weather.command must be a string');
  });
});
