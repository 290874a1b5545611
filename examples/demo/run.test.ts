import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

it('runs the demo end to end: a transcript of every step, exit code 0', async () => {
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'examples/demo/run.ts'],
        { cwd: ROOT, timeout: 20_000 },
        (error, out, err) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout: out, stderr: err }),
      );
    },
  );
  expect(stderr).not.toContain('demo failed');
  expect(code).toBe(0);
  expect(stdout).toMatch(/serving mcpkit-everything over Streamable HTTP at http:\/\/127\.0\.0\.1:\d+\/mcp/);
  expect(stdout).toContain('27 tools');
  expect(stdout).toContain('progress 0/100, 50/100, 100/100');
  expect(stdout).toContain('3 log messages: Tool execution started');
  expect(stdout).toContain('"LLM response: Hello from the client side!"');
  expect(stdout).toContain('{"id":"42","templateTest":true,"data":"Data for ID: 42"}');
  expect(stdout).toContain('mcpkit demo: done, client and server closed');
});
