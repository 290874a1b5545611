import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, scratch } from './cli-helpers.js';

const files = scratch();
afterAll(() => files.remove());

const read = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');

describe('the CLI docs match the CLI', () => {
  it("docs/cli.md's inspect example is the real output for the README's quickstart server", async () => {
    const server = /```ts\n(\/\/ server\.ts\n[\s\S]*?)```/.exec(read('README.md'))?.[1];
    expect(server).toContain('createServer');
    const documented = /## `mcpkit inspect <file>`[\s\S]*?```json\n([\s\S]*?)```/.exec(read('docs/cli.md'))?.[1];
    const { code, stdout } = await runCli(['inspect', files.file('quickstart.ts', server as string)]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(documented as string));
  });

  it('never sends a user to the unscoped `npx mcpkit`', () => {
    for (const path of ['README.md', 'docs/cli.md', 'docs/stdio.md', 'docs/proxy.md', 'examples/proxy/README.md']) {
      expect(read(path), path).not.toMatch(/npx (-y )?mcpkit (run|inspect|call|dev|install)\b/);
    }
  });
});
