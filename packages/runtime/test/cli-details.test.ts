import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { EVERYTHING, runCli, scratch, startRun } from './cli-helpers.js';

// Each case runs the CLI several times (a process and a tsx start each): generous per-test time on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const files = scratch();
afterAll(() => files.remove());

const VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version as string;

const KITCHEN = `import { createServer, prompt, resource, tool, type Lifespan } from '@mcpkit/core';
import { lifespanOf } from '@mcpkit/runtime';
import * as v from 'valibot';
const db: Lifespan<{ greeting: string }> = async () => {
  process.stderr.write('lifespan started\\n');
  return { value: { greeting: process.env.GREETING ?? 'hi' }, close: () => void process.stderr.write('lifespan stopped\\n') };
};
export default createServer({ name: 'kitchen', version: '1.0.0' }, [
  tool({ name: 'greet', input: v.object({ name: v.string() }), run: ({ name }, ctx) => \`\${lifespanOf(ctx, db).greeting} \${name}\` }),
  tool({ name: 'sum', input: v.object({ a: v.number(), b: v.number(), tags: v.optional(v.array(v.string())) }),
    run: ({ a, b, tags }) => \`\${a + b} \${(tags ?? []).join('+')}\` }),
  resource({ uri: 'data://config', read: () => ({ env: process.env.MODE ?? 'none' }) }),
  prompt({ name: 'review', args: v.object({ code: v.string() }), render: ({ code }) => \`Review \${code}\` }),
], { lifespan: db });
`;

describe('mcpkit --version and unknown words', () => {
  it('prints the package version with --version, -v and version', async () => {
    for (const flag of ['--version', '-v']) {
      const { code, stdout } = await runCli([flag]);
      expect(code).toBe(0);
      expect(stdout).toContain(`mcpkit ${VERSION}`);
    }
  });

  it('lists dev and install in the help, each with its own usage', async () => {
    const top = await runCli(['--help']);
    expect(top.stdout).toMatch(/dev <file>[\s\S]*install <client> <file>/);
    const [dev, install] = await Promise.all([runCli(['dev', '--help']), runCli(['install', '--help'])]);
    expect(dev).toMatchObject({ code: 0 });
    expect(dev.stdout).toContain('Usage: mcpkit dev <file>');
    expect(install.stdout).toContain('Usage: mcpkit install <client> <file|mcp.json|url>');
  });

  it('suggests the command or option meant, and says where options go', async () => {
    const command = await runCli(['rn', EVERYTHING]);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("Unknown command 'rn' (did you mean 'run'?)");
    const option = await runCli(['run', EVERYTHING, '--prot', '3000']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("Unknown option '--prot' for mcpkit run (did you mean '--port'?)");
    expect(option.stderr).toContain('Usage: mcpkit run');
    const top = await runCli(['--port', '3000']);
    expect(top.code).toBe(2);
    expect(top.stderr).toContain('options such as --port go after the command');
  });

  it('refuses --port with an explicit stdio transport instead of ignoring it', async () => {
    const flag = await runCli(['run', EVERYTHING, '--transport', 'stdio', '--port', '3000']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--port applies only to --transport http or sse, but --transport stdio was given');
    const env = await runCli(['run', EVERYTHING, '--port', '3000', '--json'], { MCPKIT_TRANSPORT: 'stdio' });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('--port, --json apply only to --transport http or sse, but MCPKIT_TRANSPORT=stdio');
  });
});

describe('mcpkit run over HTTP: implied transport and session limits', () => {
  it('serves http when --port is given alone, and caps sessions with --max-sessions', async () => {
    const run = await startRun([EVERYTHING, '--port', '0', '--max-sessions', '1', '--session-ttl', '10m']);
    const clients: Client[] = [];
    try {
      expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
      const first = new Client({ name: 'first', version: '1' });
      clients.push(first);
      await first.connect(new StreamableHTTPClientTransport(new URL(run.url as string)));
      expect((await first.listTools()).tools.length).toBeGreaterThan(0);
      const second = new Client({ name: 'second', version: '1' });
      clients.push(second);
      await expect(second.connect(new StreamableHTTPClientTransport(new URL(run.url as string)))).rejects.toThrow(
        /too many sessions/,
      );
      expect((await first.listTools()).tools.length).toBeGreaterThan(0);
    } finally {
      await Promise.all(clients.map((client) => client.close().catch(() => {})));
      expect(await run.stop()).toBe(0);
    }
  });
});

describe('mcpkit call: lifespan, key=value, resources and prompts', () => {
  const kitchen = files.file('kitchen.ts', KITCHEN);

  it('starts the server lifespan and stops it after the call', async () => {
    const { code, stdout, stderr } = await runCli(['call', kitchen, 'greet', 'name=Ada'], { GREETING: 'hello' });
    expect(stderr).toContain('lifespan started');
    expect(stderr).toContain('lifespan stopped');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).content).toEqual([{ type: 'text', text: 'hello Ada' }]);
  });

  it('reads key=value by the input schema: numbers as numbers, strings as strings, := as JSON', async () => {
    const sum = await runCli(['call', kitchen, 'sum', 'a=1', 'b=2.5', 'tags:=["x","y"]']);
    expect(sum.code).toBe(0);
    expect(JSON.parse(sum.stdout).content[0].text).toBe('3.5 x+y');
    const name = await runCli(['call', kitchen, 'greet', 'name=007']);
    expect(JSON.parse(name.stdout).content[0].text).toBe('hi 007');
  }, 60_000);

  it('merges key=value over --args, and rejects malformed pairs and arguments the schema refuses', async () => {
    const merged = await runCli(['call', kitchen, 'sum', '--args', '{"a":1,"b":1}', 'b=5']);
    expect(JSON.parse(merged.stdout).content[0].text).toBe('6 ');
    const bad = await runCli(['call', kitchen, 'sum', 'a']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Expected key=value (or key:=json), got 'a'");
    const invalid = await runCli(['call', kitchen, 'sum', 'a=one', 'b=2']);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain("Invalid arguments for tool 'sum'");
  });

  it('reads a resource when the target is a URI, and fails on an unknown one', async () => {
    const { code, stdout } = await runCli(['call', kitchen, 'data://config'], { MODE: 'test' });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).contents[0]).toMatchObject({ uri: 'data://config', text: '{"env":"test"}' });
    const missing = await runCli(['call', kitchen, 'data://nothing']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Reading 'data://nothing' failed");
    const withArgs = await runCli(['call', kitchen, 'data://config', 'a=1']);
    expect(withArgs.code).toBe(2);
  });

  it('gets a prompt with --prompt, arguments as strings', async () => {
    const { code, stdout } = await runCli(['call', kitchen, 'review', '--prompt', 'code=1+1']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).messages[0].content).toEqual({ type: 'text', text: 'Review 1+1' });
    const missing = await runCli(['call', kitchen, 'review', '--prompt']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Getting prompt 'review' failed");
  });
});

describe('env files', () => {
  it('loads --env-file before the module (and MCPKIT_* settings); set variables win; a missing file fails', async () => {
    const dir = files.file('app.env', '# settings\nGREETING="good day"\nexport MODE=staging # comment\n');
    const loaded = await runCli(['call', kitchen(), 'greet', 'name=Ada', '--env-file', dir]);
    expect(JSON.parse(loaded.stdout).content[0].text).toBe('good day Ada');
    const wins = await runCli(['call', kitchen(), 'data://config', '--env-file', dir], { MODE: 'prod' });
    expect(JSON.parse(wins.stdout).contents[0].text).toBe('{"env":"prod"}');
    const missing = await runCli(['call', kitchen(), 'greet', 'name=Ada', '--env-file', 'nope.env']);
    // Node 20 itself reads a --env-file anywhere in argv (a Node bug) and exits 9 on a missing one; later Nodes leave it to us.
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/No such env file|nope\.env: not found/);
  });
});

function kitchen() {
  return files.file('kitchen-env.ts', KITCHEN);
}

describe('a module that serves itself', () => {
  it('is refused with a message that explains both styles, for run and inspect', async () => {
    const file = files.file(
      'self-serving.ts',
      `import { createServer } from '@mcpkit/core';
import { serve } from '@mcpkit/runtime';
const server = createServer({ name: 'self', version: '1.0.0' }, []);
await serve(server);
export default server;
`,
    );
    for (const command of ['run', 'inspect']) {
      const { code, stdout, stderr } = await runCli([command, file]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain('starts its own stdio server');
      expect(stderr).toContain('two servers would read stdin');
    }
  });
});
