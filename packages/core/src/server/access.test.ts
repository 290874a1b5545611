import { describe, expect, test } from 'vitest';
import { type AuthInfo, createServer, createTestContext, prompt, resource, tool } from '../index.js';

const user = (scopes: string[], claims: Record<string, unknown> = {}): AuthInfo => ({ subject: 'u1', scopes, claims });

const server = createServer({ name: 't', version: '1' }, [
  tool({ name: 'open', run: () => 'anyone' }),
  tool({ name: 'admin_reset', requires: { scopes: ['admin', 'write'] }, run: () => 'reset' }),
  tool({ name: 'whoami', canAccess: (auth) => auth !== undefined, run: (_a, ctx) => ctx.auth?.subject ?? 'nobody' }),
  resource({ uri: 'secret://report', requires: { scopes: ['reports'] }, read: () => 'numbers' }),
  resource({ uri: 'secret://{id}', requires: { scopes: ['reports'] }, read: ({ id }) => id }),
  prompt({ name: 'staff_only', canAccess: (auth) => auth?.claims.staff === true, render: () => 'hi staff' }),
]);

describe('per-component access', () => {
  test('components a caller may not use are hidden from its lists', async () => {
    const anonymous = createTestContext();
    expect((await server.listTools(anonymous)).map((t) => t.name)).toEqual(['open']);
    expect(await server.listResources(anonymous)).toEqual([]);
    expect(await server.listResourceTemplates(anonymous)).toEqual([]);
    expect(await server.listPrompts(anonymous)).toEqual([]);

    const admin = createTestContext({ auth: user(['admin', 'write', 'reports'], { staff: true }) });
    expect((await server.listTools(admin)).map((t) => t.name)).toEqual(['open', 'admin_reset', 'whoami']);
    expect((await server.listResources(admin)).map((r) => r.uri)).toEqual(['secret://report']);
    expect((await server.listPrompts(admin)).map((p) => p.name)).toEqual(['staff_only']);
  });

  test('every required scope is needed', async () => {
    const writer = createTestContext({ auth: user(['write']) });
    expect((await server.listTools(writer)).map((t) => t.name)).toEqual(['open', 'whoami']);
  });

  test('using a hidden component fails as if it did not exist', async () => {
    const reader = createTestContext({ auth: user(['read']) });
    await expect(server.callTool('admin_reset', {}, reader)).rejects.toThrow(/Unknown tool/);
    await expect(server.readResource('secret://report', reader)).rejects.toThrow(/Resource not found/);
    await expect(server.readResource('secret://7', reader)).rejects.toThrow(/Resource not found/);
    await expect(server.getPrompt('staff_only', {}, reader)).rejects.toThrow(/Unknown prompt/);
    await expect(
      server.complete({ type: 'ref/prompt', name: 'staff_only' }, { name: 'x', value: '' }, {}, reader),
    ).rejects.toThrow(/Unknown prompt/);
  });

  test('handlers see who called them on ctx.auth', async () => {
    const ctx = createTestContext({ auth: user([]) });
    expect((await server.callTool('whoami', {}, ctx)).content).toEqual([{ type: 'text', text: 'u1' }]);
    expect(
      (await server.callTool('admin_reset', {}, createTestContext({ auth: user(['admin', 'write']) }))).content,
    ).toEqual([{ type: 'text', text: 'reset' }]);
  });
});
