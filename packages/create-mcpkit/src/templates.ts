import type { ProjectOptions } from './options.js';

const serveFlags = (options: ProjectOptions) => (options.transport === 'http' ? ' --port 3000' : '');

const packageJson = (options: ProjectOptions) =>
  `${JSON.stringify(
    {
      name: options.name,
      version: '0.1.0',
      private: true,
      type: 'module',
      scripts: {
        dev: `mcpkit dev src/server.ts${serveFlags(options)}`,
        start: `mcpkit run dist/server.js${serveFlags(options)}`,
        build: 'tsc -p tsconfig.build.json',
        test: 'vitest run',
        check: 'tsc --noEmit && biome check .',
        inspect: 'mcpkit inspect src/server.ts',
      },
      engines: { node: '>=20.18' },
      dependencies: {
        '@mcpkit/core': options.mcpkitRange,
        '@mcpkit/runtime': options.mcpkitRange,
        valibot: '^1.5.0',
      },
      devDependencies: {
        '@biomejs/biome': '2.6.8',
        '@types/node': '^20.19.0',
        typescript: '^5.9.3',
        vitest: '^4.1.12',
      },
    },
    null,
    2,
  )}\n`;

const server = (options: ProjectOptions) => `import { createServer, prompt, resource, tool } from '@mcpkit/core';
import * as v from 'valibot';

/** A tool: typed, validated arguments in; a structured result out. */
export const add = tool({
  name: 'add',
  description: 'Add two numbers',
  input: v.object({ a: v.number(), b: v.number() }),
  output: v.object({ sum: v.number() }),
  annotations: { readOnlyHint: true },
  run: ({ a, b }) => ({ sum: a + b }),
});

/** A resource: data a client can read by URI. */
export const settings = resource({
  uri: 'config://settings',
  name: 'settings',
  description: 'Server settings',
  mimeType: 'application/json',
  read: () => ({ name: '${options.name}', units: 'metric' }),
});

const notes: Record<string, string> = { '1': 'Buy milk', '2': 'Write more tests' };

/** A resource template: \`{id}\` arrives validated; \`list\` lets clients discover the ids. */
export const note = resource({
  uri: 'notes://{id}',
  name: 'note',
  description: 'A note by id',
  params: v.object({ id: v.picklist(Object.keys(notes)) }),
  list: () => Object.keys(notes).map((id) => ({ params: { id }, name: \`note \${id}\` })),
  read: ({ id }) => notes[id] ?? '',
});

/** A prompt: a reusable message template with typed arguments. */
export const review = prompt({
  name: 'review',
  description: 'Ask for a code review',
  args: v.object({ code: v.string() }),
  render: ({ code }) => \`Please review this code and point out bugs:\\n\\n\${code}\`,
});

export default createServer({ name: '${options.name}', version: '0.1.0' }, [add, settings, note, review]);
`;

const test = (options: ProjectOptions) => `import { createTestContext } from '@mcpkit/core';
import { connect } from '@mcpkit/runtime';
import { describe, expect, it } from 'vitest';
import server, { add } from '../src/server.js';

/** The text of a resource's first content block. */
const textOf = (contents: readonly ({ text: string } | { blob: string })[]) => {
  const first = contents[0];
  return first && 'text' in first ? first.text : undefined;
};

describe('${options.name}', () => {
  it('adds two numbers (the handler alone)', async () => {
    expect(await add.run({ a: 2, b: 3 }, createTestContext())).toEqual({ sum: 5 });
  });

  it('answers a real MCP client: tools, resources, templates and prompts', async () => {
    const { client, close } = await connect(server);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(['add']);
      const sum = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
      expect(sum.structuredContent).toEqual({ sum: 5 });

      const settings = await client.readResource({ uri: 'config://settings' });
      expect(JSON.parse(String(textOf(settings.contents)))).toMatchObject({ units: 'metric' });
      const note = await client.readResource({ uri: 'notes://1' });
      expect(textOf(note.contents)).toBe('Buy milk');

      const prompt = await client.getPrompt({ name: 'review', arguments: { code: 'x = 1' } });
      expect(JSON.stringify(prompt.messages)).toContain('x = 1');
    } finally {
      await close();
    }
  });

  it('rejects bad arguments with an error the model can read', async () => {
    const { client, close } = await connect(server);
    try {
      const result = await client.callTool({ name: 'add', arguments: { a: 'two', b: 3 } });
      expect(result.isError).toBe(true);
    } finally {
      await close();
    }
  });
});
`;

const run = (options: ProjectOptions, script: string) =>
  options.packageManager === 'npm' ? `npm run ${script}` : `${options.packageManager} ${script}`;

const readme = (options: ProjectOptions) => {
  const http = options.transport === 'http';
  return `# ${options.name}

An [MCP](https://modelcontextprotocol.io) server built with [mcpkit](https://www.npmjs.com/package/@mcpkit/core).

\`src/server.ts\` holds the server: a tool (\`add\`), a resource (\`config://settings\`), a resource template
(\`notes://{id}\`) and a prompt (\`review\`). \`test/server.test.ts\` drives it through a real MCP client in memory.

## Commands

| command | what it does |
| --- | --- |
| \`${run(options, 'dev')}\` | serve \`src/server.ts\` ${http ? 'over HTTP at http://127.0.0.1:3000/mcp' : 'over stdio'}, reloading on every change |
| \`${run(options, 'test')}\` | run the tests (vitest) |
| \`${run(options, 'build')}\` | compile to \`dist/\` |
| \`${run(options, 'start')}\` | serve the build ${http ? 'over HTTP' : 'over stdio'} |
| \`${run(options, 'inspect')}\` | print the server's tools, resources and prompts as JSON |
| \`${run(options, 'check')}\` | type-check and lint (biome) |

## Use it from Claude and other clients

${
  http
    ? `Start it (\`${run(options, 'start')}\`), then add the URL to your client, for example:

\`\`\`sh
npx @mcpkit/runtime install claude-code http://127.0.0.1:3000/mcp --name ${options.name}
\`\`\``
    : `Let mcpkit write the client's config entry (it shows the diff first):

\`\`\`sh
npx @mcpkit/runtime install claude-desktop src/server.ts   # or claude-code, cursor, vscode
\`\`\``
}

Try it interactively with the MCP Inspector: \`npx @modelcontextprotocol/inspector npx @mcpkit/runtime run src/server.ts\`.
`;
};

const tsconfig = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'es2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      strict: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      outDir: 'dist',
      types: ['node'],
    },
    include: ['src', 'test'],
  },
  null,
  2,
)}\n`;

const tsconfigBuild = `${JSON.stringify(
  { extends: './tsconfig.json', compilerOptions: { rootDir: 'src', declaration: true }, include: ['src'] },
  null,
  2,
)}\n`;

const biome = `${JSON.stringify(
  {
    $schema: 'https://biomejs.dev/schemas/2.6.8/schema.json',
    files: { includes: ['**', '!dist', '!**/*.md'] },
    formatter: { indentStyle: 'space', lineWidth: 120 },
    javascript: { formatter: { quoteStyle: 'single' } },
    json: { formatter: { expand: 'always' } },
  },
  null,
  2,
)}\n`;

const vitestConfig = `import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['test/**/*.test.ts'] } });
`;

/** Every file of a new project, by relative path. */
export const projectFiles = (options: ProjectOptions): Readonly<Record<string, string>> => ({
  'package.json': packageJson(options),
  'src/server.ts': server(options),
  'test/server.test.ts': test(options),
  'README.md': readme(options),
  'tsconfig.json': tsconfig,
  'tsconfig.build.json': tsconfigBuild,
  'biome.json': biome,
  'vitest.config.ts': vitestConfig,
  '.gitignore': 'node_modules\ndist\n.env\n',
});
