import { serveHttp } from '@mcpkit/runtime';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, expect, test } from 'vitest';
import { createTodoServer } from './server.js';
import { startTodoApi } from './todo-api.js';

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

test('the todo API is served as MCP tools, resources and templates', async () => {
  const api = await startTodoApi();
  closers.push(() => new Promise((resolve) => api.server.close(resolve)));
  const running = await serveHttp(await createTodoServer(api.url), { port: 0 });
  closers.push(running.close);
  const client = new Client({ name: 'example', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(running.url)));
  closers.push(() => client.close());

  expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual(['hello', 'todos_addTodo']);
  expect((await client.listResources()).resources.map((r) => r.uri)).toEqual(['openapi://todos/todos']);
  expect((await client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate)).toEqual([
    'openapi://todos/todos/{id}',
  ]);
  const added = await client.callTool({ name: 'todos_addTodo', arguments: { title: 'Try the example' } });
  expect(added.structuredContent).toEqual({ id: 2, title: 'Try the example', done: false });
  const read = await client.readResource({ uri: 'openapi://todos/todos/2' });
  expect(JSON.parse((read.contents[0] as { text: string }).text)).toMatchObject({ title: 'Try the example' });
  const invalid = await client.callTool({ name: 'todos_addTodo', arguments: { title: '' } });
  expect(invalid).toMatchObject({
    isError: true,
    content: [{ text: 'HTTP 400 Bad Request from POST /todos: {"error":"title is required"}' }],
  });
});
