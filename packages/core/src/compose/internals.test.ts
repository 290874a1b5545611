import { describe, expect, test } from 'vitest';
import { compose, createServer, type Middleware, mount, tool } from '../index.js';

const hello = tool({ name: 'hello', run: () => 'hi' });
const outer: Middleware = (_request, _ctx, next) => next();
const inner: Middleware = (_request, _ctx, next) => next();

describe('~ members of descriptors', () => {
  test('compose() marks its components ~composed and stacks ~middleware outermost first; neither is a listed field', () => {
    const [plain] = compose(hello);
    expect(plain?.['~composed']).toBe(true);
    expect(plain?.['~middleware']).toBeUndefined();
    expect(hello['~composed']).toBeUndefined();
    const [nested] = compose({ middleware: [outer] }, compose({ middleware: [inner] }, hello));
    expect(nested?.['~middleware']).toEqual([outer, inner]);
    expect(Object.keys(nested ?? {})).not.toContain('~middleware');
    expect(Object.keys(nested ?? {})).not.toContain('~composed');
  });

  test('mount() keeps its middleware as ~middleware', () => {
    const child = createServer({ name: 'child', version: '1' }, [hello]);
    expect(mount(child, { middleware: [outer] })['~middleware']).toEqual([outer]);
    expect(mount(child)['~middleware']).toBeUndefined();
  });

  test('nested compose() runs its middleware outermost first, on calls and on lists', async () => {
    const seen: string[] = [];
    const record =
      (name: string): Middleware =>
      (request, _ctx, next) => {
        seen.push(`${name} ${request.method}`);
        return next();
      };
    const module = compose({ middleware: [record('outer')] }, compose({ middleware: [record('inner')] }, hello));
    const server = createServer({ name: 't', version: '1' }, [...module]);
    expect((await server.callTool('hello')).content).toEqual([{ type: 'text', text: 'hi' }]);
    expect((await server.listTools()).map((t) => t.name)).toEqual(['hello']);
    expect(seen).toEqual(['outer tools/call', 'inner tools/call', 'outer tools/list', 'inner tools/list']);
  });
});
