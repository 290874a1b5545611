import { afterAll, describe, expect, it } from 'vitest';
import { EVERYTHING, runCli, scratch } from './cli-helpers.js';

const files = scratch();
afterAll(() => files.remove());

describe('mcpkit inspect', () => {
  it('prints the server info, capabilities, tools, resources, templates and prompts as JSON', async () => {
    const { code, stdout, stderr } = await runCli(['inspect', EVERYTHING]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const described = JSON.parse(stdout);
    expect(described.server).toEqual({ name: 'mcpkit-everything', version: '0.1.0' });
    expect(described.instructions).toBe('Fixture server for the MCP conformance suite.');
    expect(described.capabilities).toMatchObject({ logging: {}, completions: {}, resources: { subscribe: true } });
    expect(described.tools).toHaveLength(27);
    expect(described.tools.find((t: { name: string }) => t.name === 'test_sampling')).toMatchObject({
      inputSchema: { type: 'object', properties: { prompt: { type: 'string' } }, required: ['prompt'] },
    });
    expect(described.resources.map((r: { uri: string }) => r.uri)).toEqual([
      'test://static-text',
      'test://static-binary',
      'test://watched-resource',
    ]);
    expect(described.resourceTemplates).toEqual([
      expect.objectContaining({ uriTemplate: 'test://template/{id}/data', mimeType: 'application/json' }),
    ]);
    expect(described.prompts.find((p: { name: string }) => p.name === 'test_prompt_with_arguments')).toMatchObject({
      arguments: [
        { name: 'arg1', required: true },
        { name: 'arg2', required: true },
      ],
    });
  });

  it('shows an output schema when a tool declares one, and accepts a named `server` export in a .mjs file', async () => {
    const file = files.file(
      'named.mts',
      `import { createServer, tool } from '@mcpkit/core';
import * as v from 'valibot';
export const server = createServer({ name: 'named', version: '2.0.0' }, [
  tool({ name: 'sum', input: v.object({ a: v.number(), b: v.number() }), output: v.object({ total: v.number() }),
    run: ({ a, b }) => ({ total: a + b }) }),
]);`,
    );
    const { code, stdout } = await runCli(['inspect', file]);
    expect(code).toBe(0);
    const described = JSON.parse(stdout);
    expect(described.server).toEqual({ name: 'named', version: '2.0.0' });
    expect(described.tools[0].outputSchema).toMatchObject({
      type: 'object',
      properties: { total: { type: 'number' } },
    });
  });

  it('fails with code 1 and a clear message when the module exports no server', async () => {
    const file = files.file('none.mjs', 'export default 42;\n');
    const { code, stdout, stderr } = await runCli(['inspect', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('exports no server');
    expect(stderr).toContain('its default export is a number');
  });

  it('fails with code 1 when the file does not exist', async () => {
    const { code, stderr } = await runCli(['inspect', 'no/such/server.ts']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/No such file: .*no\/such\/server\.ts/);
  });

  it('fails with code 1 and the cause when the module throws while loading', async () => {
    const file = files.file('throws.ts', "throw new Error('database unreachable');\nexport default {};\n");
    const { code, stderr } = await runCli(['inspect', file]);
    expect(code).toBe(1);
    expect(stderr).toContain('Could not load');
    expect(stderr).toContain('database unreachable');
  });
});

describe('mcpkit call', () => {
  it('calls a tool in-process and prints the result; logs and progress go to stderr', async () => {
    const { code, stdout, stderr } = await runCli(['call', EVERYTHING, 'test_tool_with_progress']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      content: [{ type: 'text', text: 'Tool with progress executed successfully' }],
    });
    expect(stderr).toContain('[progress] 0/100');
    expect(stderr).toContain('[progress] 100/100');
    const logged = await runCli(['call', EVERYTHING, 'test_tool_with_logging']);
    expect(logged.stderr).toContain('[info] Tool execution started');
  });

  it('passes --args as the tool arguments', async () => {
    const file = files.file(
      'echo.ts',
      `import { createServer, tool } from '@mcpkit/core';
import * as v from 'valibot';
export default createServer({ name: 'echo', version: '1.0.0' }, [
  tool({ name: 'echo', input: v.object({ word: v.string(), times: v.number() }), run: ({ word, times }) => word.repeat(times) }),
]);`,
    );
    const { code, stdout } = await runCli(['call', file, 'echo', '--args', '{"word":"ab","times":3}']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).content).toEqual([{ type: 'text', text: 'ababab' }]);
  });

  it('exits 1 on a tool error result, printing the result and the message', async () => {
    const { code, stdout, stderr } = await runCli(['call', EVERYTHING, 'test_error_handling']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ isError: true });
    expect(stderr).toContain("tool 'test_error_handling' returned an error: This tool intentionally returns an error");
  });

  it('exits 1 when the arguments do not match the input schema', async () => {
    const { code, stderr } = await runCli(['call', EVERYTHING, 'test_sampling', '--args', '{"prompt":5}']);
    expect(code).toBe(1);
    expect(stderr).toContain("Invalid arguments for tool 'test_sampling'");
  });

  it('exits 1 on an unknown tool', async () => {
    const { code, stdout, stderr } = await runCli(['call', EVERYTHING, 'no_such_tool']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain("Calling 'no_such_tool' failed (-32602)");
  });

  it('exits 1 when --args is not JSON or not an object', async () => {
    const bad = await runCli(['call', EVERYTHING, 'test_simple_text', '--args', '{nope']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--args is not valid JSON');
    const list = await runCli(['call', EVERYTHING, 'test_simple_text', '--args', '[1,2]']);
    expect(list.code).toBe(1);
    expect(list.stderr).toContain('--args must be a JSON object');
  });
});

describe('usage', () => {
  it('prints the help on stdout with --help, for the CLI and for each command', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('Usage: mcpkit <command>');
    for (const command of ['run', 'inspect', 'call']) {
      const help = await runCli([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: mcpkit ${command}`);
    }
  });

  it('exits 2 with the usage on stderr for no command, an unknown command or an unknown flag', async () => {
    const none = await runCli([]);
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toContain('No command given');
    const unknown = await runCli(['serve', EVERYTHING]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown command 'serve'");
    expect(unknown.stderr).toContain('Usage: mcpkit <command>');
    const flag = await runCli(['inspect', EVERYTHING, '--verbose']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--verbose'");
    expect(flag.stderr).toContain('Usage: mcpkit inspect');
  });

  it('exits 2 when a command lacks its arguments or has too many', async () => {
    const missing = await runCli(['call', EVERYTHING]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('mcpkit call needs <file> <tool|uri>');
    const extra = await runCli(['inspect', EVERYTHING, 'extra']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('Unexpected argument(s) for mcpkit inspect: extra');
  });

  it('exits 2 on a bad run setting, naming the flag or variable it came from', async () => {
    const flag = await runCli(['run', EVERYTHING, '--transport', 'websocket']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("--transport must be one of stdio, http, sse; got 'websocket'");
    const env = await runCli(['run', EVERYTHING], { MCPKIT_PORT: 'eighty' });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain("MCPKIT_PORT must be a port number from 0 to 65535; got 'eighty'");
  });
});
