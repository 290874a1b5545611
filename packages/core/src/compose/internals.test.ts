import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { compose, createServer, type Middleware, mount, tool, transform } from '../index.js';

const hello = tool({ name: 'hello', run: () => 'hi' });
const outer: Middleware = (_request, _ctx, next) => next();
const inner: Middleware = (_request, _ctx, next) => next();

describe('~ members of descriptors', () => {
  test('compose() marks its components ~composed and stacks ~middleware outermost first; both are ordinary members', () => {
    const [plain] = compose(hello);
    expect(plain?.['~composed']).toBe(true);
    expect(plain?.['~middleware']).toBeUndefined();
    expect(hello['~composed']).toBeUndefined();
    const [nested] = compose({ middleware: [outer] }, compose({ middleware: [inner] }, hello));
    expect(nested?.['~middleware']).toEqual([outer, inner]);
    expect(Object.keys(nested ?? {})).toContain('~middleware');
    expect(Object.keys(nested ?? {})).toContain('~composed');
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

  test('a composed component is a plain object: a spread copy keeps its ~ members and behaves the same', async () => {
    const seen: string[] = [];
    const log: Middleware = (request, _ctx, next) => {
      seen.push(request.method);
      return next();
    };
    const echo = tool({ name: 'echo', input: v.object({ text: v.string() }), run: ({ text }) => text });
    const [composed] = compose({ namespace: 'ns', middleware: [log] }, echo);
    if (composed?.kind !== 'tool') throw new Error('expected a tool');
    expect(Object.getPrototypeOf(composed)).toBe(Object.prototype);
    // Data properties only (a spread read the schema accessors), every one listed.
    for (const field of Object.values(Object.getOwnPropertyDescriptors(composed))) {
      expect(field).toMatchObject({ enumerable: true });
      expect(field).toHaveProperty('value');
    }
    expect(composed.inputSchema).toBe(echo.inputSchema);
    const copy = { ...composed };
    expect(copy).toEqual(composed);
    expect(copy['~composed']).toBe(true);
    expect(copy['~middleware']).toBe(composed['~middleware']);
    // The copy runs in the module's middleware and still gives way to a local tool of the same name.
    const local = tool({ name: 'ns_echo', run: () => 'local' });
    const server = createServer({ name: 't', version: '1' }, [copy, local], { onDuplicate: 'ignore' });
    expect((await server.callTool('ns_echo', { text: 'x' })).content).toEqual([{ type: 'text', text: 'local' }]);
    const alone = createServer({ name: 't', version: '1' }, [copy]);
    expect((await alone.callTool('ns_echo', { text: 'x' })).content).toEqual([{ type: 'text', text: 'x' }]);
    expect(seen).toEqual(['tools/call']);
  });

  test('transform() of a composed tool keeps its module middleware', async () => {
    const seen: string[] = [];
    const log: Middleware = (request, _ctx, next) => {
      seen.push(request.method);
      return next();
    };
    const [composed] = compose({ middleware: [log] }, hello);
    if (composed?.kind !== 'tool') throw new Error('expected a tool');
    const renamed = transform(composed, { name: 'greet' });
    expect(renamed['~middleware']).toEqual([log]);
    const server = createServer({ name: 't', version: '1' }, [renamed]);
    expect((await server.callTool('greet')).content).toEqual([{ type: 'text', text: 'hi' }]);
    expect(seen).toEqual(['tools/call']);
  });
});
