// Packs every package as it would be published and uses the tarballs as a new
// user would, outside the monorepo: install into a scratch project, build and
// type-check it (ESM nodenext and CommonJS node16), require() the CJS builds
// (also on Node 20.18, the oldest `engines` admits; @mcpkit/redis included), run a server through the
// installed `mcpkit` bin and talk to it with the SDK client. Each manifest is
// checked for README, LICENSE, engines and leftover `workspace:` ranges.
// Usage: node scripts/pack-check.mjs [--keep]   (exit 0 when everything held)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const keep = process.argv.includes('--keep');
const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'mcpkit-pack-'));
const tarballs = join(work, 'tarballs');
const project = join(work, 'project');
mkdirSync(tarballs);
mkdirSync(project);

const step = (name) => console.log(`\n-- ${name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
const run = (command, args, options = {}) =>
  execFileSync(command, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', ...options });
const pnpm = (args, cwd = ROOT) => run('npx', ['-y', 'pnpm@10', ...args], { cwd });
const failures = [];
const check = (ok, message) => {
  if (!ok) failures.push(message);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
};

/** The packages to publish: every packages/* without "private": true. */
const publishable = () =>
  readdirSync(join(ROOT, 'packages')).filter((dir) => {
    try {
      return !JSON.parse(readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8')).private;
    } catch {
      return false;
    }
  });

try {
  step('build');
  pnpm(['-r', '--filter', './packages/*', 'build']);

  step('pack');
  const packed = {};
  for (const dir of publishable()) {
    const out = pnpm(['pack', '--pack-destination', tarballs], join(ROOT, 'packages', dir));
    const file = out.trim().split('\n').at(-1).trim();
    const listing = run('tar', ['-tzf', file]).split('\n');
    const manifest = JSON.parse(run('tar', ['-xzOf', file, 'package/package.json']));
    packed[manifest.name] = file;
    check(listing.includes('package/README.md'), `${manifest.name}: README.md in the tarball`);
    check(listing.includes('package/LICENSE'), `${manifest.name}: LICENSE in the tarball`);
    check(Boolean(manifest.engines?.node), `${manifest.name}: engines.node (${manifest.engines?.node})`);
    check(!JSON.stringify(manifest).includes('workspace:'), `${manifest.name}: no workspace: range in the manifest`);
    check(!listing.some((path) => path.startsWith('package/src/')), `${manifest.name}: no sources shipped`);
  }

  step('scratch project: npm install of the tarballs');
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify(
      {
        name: 'scratch',
        private: true,
        type: 'module',
        dependencies: {
          ...Object.fromEntries(Object.entries(packed).map(([name, file]) => [name, `file:${file}`])),
          valibot: '^1.5.0',
        },
        devDependencies: { typescript: '5.9.3', '@types/node': '^20.19.0' },
      },
      null,
      2,
    ),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: project });

  const server = `import { createServer, prompt, resource, tool, type Lifespan } from '@mcpkit/core';
import { lifespanOf } from '@mcpkit/runtime';
import * as v from 'valibot';

const greeting: Lifespan<string> = async () => ({ value: 'hello' });

export default createServer({ name: 'scratch', version: '1.0.0' }, [
  tool({ name: 'add', input: v.object({ a: v.number(), b: v.number() }), output: v.object({ sum: v.number() }),
    run: ({ a, b }) => ({ sum: a + b }) }),
  tool({ name: 'greet', input: v.object({ name: v.string() }), run: ({ name }, ctx) => \`\${lifespanOf(ctx, greeting)} \${name}\` }),
  resource({ uri: 'data://config', read: () => ({ ok: true }) }),
  prompt({ name: 'review', args: v.object({ code: v.string() }), render: ({ code }) => \`Review \${code}\` }),
], { lifespan: greeting });
`;
  writeFileSync(join(project, 'server.ts'), server);
  // The Redis drivers type-check against the packed core and runtime (built, never connected here).
  writeFileSync(
    join(project, 'redis.ts'),
    `import { createServer, rateLimit, type Store } from '@mcpkit/core';
import type { EventBus, EventStore } from '@mcpkit/runtime';
import { redisEventBus, redisEventStore, redisStore } from '@mcpkit/redis';

export const shared = (url: string) => {
  const store: Store = redisStore({ url, keyPrefix: 'scratch:' });
  const events: EventStore = redisEventStore({ url });
  const bus: EventBus = redisEventBus({ url });
  const server = createServer({ name: 'r', version: '1' }, [], { middleware: [rateLimit({ capacity: 1, refillPerSecond: 1, store })] });
  return { store, events, bus, server };
};
`,
  );
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        outDir: 'dist',
        skipLibCheck: false,
        types: ['node'],
      },
      include: ['server.ts', 'redis.ts'],
    }),
  );
  writeFileSync(
    join(project, 'cjs.cts'),
    `import core = require('@mcpkit/core');
import runtime = require('@mcpkit/runtime');
const server: core.Server = core.createServer({ name: 'cjs', version: '1' }, []);
const serving: typeof runtime.serve = runtime.serve;
export = { server, serving };
`,
  );
  writeFileSync(
    join(project, 'tsconfig.cjs.json'),
    JSON.stringify({
      compilerOptions: { module: 'node16', moduleResolution: 'node16', strict: true, noEmit: true, types: ['node'] },
      include: ['cjs.cts'],
    }),
  );
  writeFileSync(
    join(project, 'check.cjs'),
    `const core = require('@mcpkit/core');
const runtime = require('@mcpkit/runtime');
for (const name of ['createServer', 'tool']) if (typeof core[name] !== 'function') throw new Error('core.' + name);
for (const name of ['serve', 'connect', 'lifespanOf', 'jwt']) if (typeof runtime[name] !== 'function') throw new Error('runtime.' + name);
const redis = require('@mcpkit/redis');
for (const name of ['redisStore', 'redisEventStore', 'redisEventBus']) if (typeof redis[name] !== 'function') throw new Error('redis.' + name);
runtime.jwt({ publicKey: new Uint8Array(32), issuer: 'https://issuer' });
console.log('require() ok on', process.version);
`,
  );
  writeFileSync(
    join(project, 'client.mjs'),
    `import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
const client = new Client({ name: 'pack-check', version: '1' });
await client.connect(new StdioClientTransport({ command: process.execPath, args: ['node_modules/@mcpkit/runtime/bin/mcpkit.js', 'run', process.argv[2]] }));
const add = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
const greet = await client.callTool({ name: 'greet', arguments: { name: 'Ada' } });
await client.close();
if (JSON.stringify(add.structuredContent) !== '{"sum":5}') throw new Error('add: ' + JSON.stringify(add));
if (greet.content[0].text !== 'hello Ada') throw new Error('greet: ' + JSON.stringify(greet));
console.log('served', process.argv[2], 'over stdio to the SDK client');
`,
  );
  const tsc = join(project, 'node_modules', 'typescript', 'bin', 'tsc');
  const mcpkit = join(project, 'node_modules', '@mcpkit', 'runtime', 'bin', 'mcpkit.js');
  const attempt = (name, fn) => {
    try {
      const out = fn();
      check(true, name);
      return out;
    } catch (error) {
      check(false, `${name}: ${error.stdout ?? ''}${error.message}`);
      return undefined;
    }
  };

  step('build and type-check the scratch project');
  attempt('tsc (ESM, nodenext, skipLibCheck off) builds server.ts', () =>
    run(process.execPath, [tsc, '-p', '.'], { cwd: project }),
  );
  attempt('tsc (CommonJS, node16, skipLibCheck off) resolves the .d.cts types', () => {
    let output = '';
    try {
      output = run(process.execPath, [tsc, '-p', 'tsconfig.cjs.json'], { cwd: project });
    } catch (error) {
      output = String(error.stdout ?? error.message);
    }
    // The SDK's own CJS declarations trip node16 (TS1541 in its validation types): not ours to fix; report, do not fail.
    const errors = output.split('\n').filter((line) => /error TS/.test(line));
    const ours = errors.filter((line) => !line.startsWith('node_modules/@modelcontextprotocol/'));
    if (errors.length > ours.length)
      console.log(`note: ${errors.length - ours.length} error(s) inside the SDK's own declarations`);
    if (ours.length > 0) throw new Error(ours.join('\n'));
  });
  attempt(`require() of the CJS builds on ${process.version}`, () =>
    run(process.execPath, ['check.cjs'], { cwd: project }),
  );
  if (!process.env.MCPKIT_PACK_SKIP_OLD_NODE) {
    attempt('require() of the CJS builds on Node 20.18.0 (npx node@20.18.0)', () =>
      run('npx', ['-y', 'node@20.18.0', 'check.cjs'], { cwd: project }),
    );
  }

  step('@mcpkit/core installed alone (what it pulls into a user project)');
  /** Installs the named tarballs alone in a fresh project: its directory, package count and size on disk. */
  const installAlone = (name, names) => {
    const dir = join(work, name);
    mkdirSync(dir);
    const dependencies = Object.fromEntries(names.map((n) => [n, `file:${packed[n]}`]));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module', dependencies }));
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: dir });
    const count = run('npm', ['ls', '--all', '--parseable'], { cwd: dir }).trim().split('\n').length - 1;
    const kib = Number(run('du', ['-sk', join(dir, 'node_modules')]).split('\t')[0]);
    console.log(`${names.join(' + ')}: ${count} packages, ${(kib / 1024).toFixed(1)} MB on disk`);
    return dir;
  };
  const coreAlone = installAlone('core-alone', ['@mcpkit/core']);
  check(
    !existsSync(join(coreAlone, 'node_modules', '@modelcontextprotocol')),
    '@mcpkit/core installs without the SDK (nor its express/hono server stack)',
  );
  // Its declarations stand alone: type-check a server against core only, under every resolution a user may pick.
  writeFileSync(
    join(coreAlone, 'server.ts'),
    `import { createServer, tool, type CallToolResult, type Tool } from '@mcpkit/core';
import * as v from 'valibot';
export const server = createServer({ name: 'alone', version: '1' }, [
  tool({ name: 'add', input: v.object({ a: v.number(), b: v.number() }), run: ({ a, b }) => a + b }),
]);
export const result: CallToolResult = { content: [{ type: 'text', text: 'ok' }] };
export const described: Tool = { name: 'add', inputSchema: { type: 'object' } };
`,
  );
  writeFileSync(
    join(coreAlone, 'server.cts'),
    `import core = require('@mcpkit/core');
export const server: core.Server = core.createServer({ name: 'alone', version: '1' }, []);
`,
  );
  for (const [resolution, module, file] of [
    ['nodenext', 'nodenext', 'server.ts'],
    ['bundler', 'esnext', 'server.ts'],
    ['node16', 'node16', 'server.cts'],
  ]) {
    const config = `tsconfig.${resolution}.json`;
    const compilerOptions = { module, moduleResolution: resolution, target: 'es2022', strict: true, noEmit: true };
    writeFileSync(
      join(coreAlone, config),
      JSON.stringify({ compilerOptions: { ...compilerOptions, types: [] }, files: [file] }),
    );
    attempt(`tsc on a project with @mcpkit/core alone (${resolution}, skipLibCheck off)`, () =>
      run(process.execPath, [tsc, '-p', config], { cwd: coreAlone }),
    );
  }
  // @mcpkit/runtime is not measured here (a second full install): it needs the SDK at run time for connect(), the
  // proxy and `mcpkit call`, so it installs the SDK's whole tree (105 packages, 46 MB with core, in November 2026).

  step('run servers through the installed bin');
  const version = attempt('mcpkit --version', () => run(process.execPath, [mcpkit, '--version'], { cwd: project }));
  if (version) console.log(version.trim());
  attempt('npx @mcpkit/runtime call server.ts add a=1 b=2 (the documented form; --no: the installed package)', () => {
    const out = JSON.parse(
      run('npx', ['--no', '--', '@mcpkit/runtime', 'call', 'server.ts', 'add', 'a=1', 'b=2'], { cwd: project }),
    );
    if (out.structuredContent?.sum !== 3) throw new Error(JSON.stringify(out));
  });
  attempt('mcpkit call server.ts (TypeScript through the installed tsx)', () => {
    const out = JSON.parse(run(process.execPath, [mcpkit, 'call', 'server.ts', 'add', 'a=1', 'b=2'], { cwd: project }));
    if (out.structuredContent?.sum !== 3) throw new Error(JSON.stringify(out));
  });
  attempt('mcpkit run dist/server.js over stdio, driven by the SDK client', () =>
    run(process.execPath, ['client.mjs', 'dist/server.js'], { cwd: project }),
  );
  attempt('mcpkit run server.ts over stdio, driven by the SDK client', () =>
    run(process.execPath, ['client.mjs', 'server.ts'], { cwd: project }),
  );

  step('mcpkit install from the tarball: every client, in a scratch home');
  const home = join(work, 'home');
  const desktop = join(home, '.config', 'Claude', 'claude_desktop_config.json');
  mkdirSync(join(home, '.config', 'Claude'), { recursive: true });
  const other = { command: 'uvx', args: ['other-server'] };
  writeFileSync(desktop, JSON.stringify({ globalShortcut: 'Ctrl+Space', mcpServers: { other } }, null, 2));
  const installEnv = { ...process.env, MCPKIT_INSTALL_HOME: home };
  /** Runs the installed `mcpkit install`; resolves with its exit code and output, failing or not. */
  const install = (args) => {
    try {
      return {
        code: 0,
        stdout: run(process.execPath, [mcpkit, 'install', ...args], { cwd: project, env: installEnv }),
      };
    } catch (error) {
      return { code: error.status, stdout: String(error.stdout ?? '') };
    }
  };
  const readConfig = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
  const CONFIGS = {
    'claude-desktop': [desktop, 'mcpServers'],
    'claude-code': [join(home, '.claude.json'), 'mcpServers'],
    cursor: [join(home, '.cursor', 'mcp.json'), 'mcpServers'],
    vscode: [join(home, '.config', 'Code', 'User', 'mcp.json'), 'servers'],
    'mcp-json': [join(project, 'mcp.json'), 'mcpServers'],
  };
  writeFileSync(
    join(project, 'entry-client.mjs'),
    `import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
const [path, key, name] = process.argv.slice(2);
const entry = JSON.parse(readFileSync(path, 'utf8'))[key][name];
const client = new Client({ name: 'entry-client', version: '1' });
await client.connect(new StdioClientTransport({ command: entry.command, args: entry.args, env: entry.env, cwd: entry.cwd }));
const add = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
await client.close();
if (JSON.stringify(add.structuredContent) !== '{"sum":5}') throw new Error('add: ' + JSON.stringify(add));
`,
  );
  for (const [client, [path, key]] of Object.entries(CONFIGS)) {
    const before = readConfig(path);
    attempt(`install ${client} --dry-run: shows the diff, writes nothing`, () => {
      const dry = install([client, 'server.ts', '--dry-run']);
      if (dry.code !== 0 || !dry.stdout.includes('"scratch"')) throw new Error(JSON.stringify(dry));
      if (readConfig(path) !== before) throw new Error(`${path} changed`);
    });
    attempt(`install ${client}: writes the entry to ${path.slice(work.length + 1)}, keeps the others`, () => {
      const done = install([client, 'server.ts', '--env', 'MODE=test']);
      if (done.code !== 0) throw new Error(JSON.stringify(done));
      const config = JSON.parse(readConfig(path));
      if (!config[key]?.scratch) throw new Error(JSON.stringify(config));
      if (client === 'claude-desktop' && (config.globalShortcut !== 'Ctrl+Space' || !config.mcpServers.other))
        throw new Error(`other settings lost: ${JSON.stringify(config)}`);
    });
    attempt(`the ${client} entry starts the server for the SDK client`, () =>
      run(process.execPath, [join(project, 'entry-client.mjs'), path, key, 'scratch'], { cwd: work }),
    );
    // The merge is shared by every client: checked on one `mcpServers` client and on VS Code's `servers`.
    if (client !== 'claude-desktop' && client !== 'vscode') continue;
    attempt(`install ${client} again: the same entry is a no-op, a different one is refused without --force`, () => {
      const written = readConfig(path);
      const same = install([client, 'server.ts', '--env', 'MODE=test']);
      if (same.code !== 0 || readConfig(path) !== written) throw new Error(`not a no-op: ${JSON.stringify(same)}`);
      const clash = install([client, 'server.ts', '--env', 'MODE=other']);
      if (clash.code !== 1 || readConfig(path) !== written) throw new Error(`clobbered: ${JSON.stringify(clash)}`);
    });
  }

  attempt("docs/stdio.md's Claude Desktop snippet (npx -y tsx <absolute file that calls serve()>) as written", () => {
    writeFileSync(
      join(project, 'serve-self.ts'),
      `import { serve } from '@mcpkit/runtime';\nimport server from './server.js';\n\nawait serve(server);\n`,
    );
    const snippet = join(work, 'claude_desktop_config.json');
    const entry = { command: 'npx', args: ['-y', 'tsx', join(project, 'serve-self.ts')], env: { MODE: 'test' } };
    writeFileSync(snippet, JSON.stringify({ mcpServers: { 'my-server': entry } }));
    // Started from elsewhere, as Claude Desktop does: nothing but the absolute path ties it to the project.
    run(process.execPath, [join(project, 'entry-client.mjs'), snippet, 'mcpServers', 'my-server'], { cwd: work });
  });

  if (packed['create-mcpkit']) {
    step('npm create mcpkit, from the tarball: a new project on the packed packages');
    const app = join(work, 'app');
    attempt('create-mcpkit app --yes --no-git (npm exec of the tarball)', () =>
      run(
        'npm',
        ['exec', '--yes', `--package=${packed['create-mcpkit']}`, '--', 'create-mcpkit', app, '--yes', '--no-git'],
        {
          cwd: work,
        },
      ),
    );
    const manifestPath = join(app, 'package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    // The published ranges (^version) are not on the registry yet: point them at the tarballs.
    for (const name of Object.keys(manifest.dependencies)) {
      if (packed[name]) manifest.dependencies[name] = `file:${packed[name]}`;
    }
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    attempt('npm install in the new project', () =>
      run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: app }),
    );
    attempt('npm test in the new project (vitest, a real in-memory client)', () => run('npm', ['test'], { cwd: app }));
    attempt('npm run check in the new project (tsc and biome)', () => run('npm', ['run', 'check'], { cwd: app }));
    attempt('npm run build, then mcpkit call dist/server.js add a=1 b=2', () => {
      run('npm', ['run', 'build'], { cwd: app });
      const out = JSON.parse(
        run(
          process.execPath,
          ['node_modules/@mcpkit/runtime/bin/mcpkit.js', 'call', 'dist/server.js', 'add', 'a=1', 'b=2'],
          {
            cwd: app,
          },
        ),
      );
      if (out.structuredContent?.sum !== 3) throw new Error(JSON.stringify(out));
    });
  }
} catch (error) {
  check(false, `pack check stopped: ${error.message}`);
} finally {
  if (keep) console.log(`\nkept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

console.log(
  `\npack check: ${failures.length === 0 ? 'passed' : `${failures.length} failed`} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
process.exit(failures.length === 0 ? 0 : 1);
