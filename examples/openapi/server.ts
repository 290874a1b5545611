import { fileURLToPath } from 'node:url';
import { createServer, mount, type Server, tool } from '@mcpkit/core';
import { openapi, RESOURCE_ROUTES } from '@mcpkit/openapi';

const DOCUMENT = fileURLToPath(new URL('./openapi.json', import.meta.url));

/**
 * A server whose `todos_*` tools, resources and templates call the todo API
 * described by `openapi.json`: reads (GET) as resources, writes as tools,
 * admin operations left out, and one hand-written tool beside them.
 */
export const createTodoServer = async (baseUrl: string): Promise<Server> => {
  const todos = await openapi(DOCUMENT, {
    baseUrl,
    routeMaps: [{ tags: ['admin'], type: 'exclude' }, ...RESOURCE_ROUTES],
    // For example an API key; a function of ctx could use ctx.auth instead.
    headers: { 'x-api-key': process.env.TODO_API_KEY ?? 'demo' },
  });
  const hello = tool({ name: 'hello', description: 'Says hello', run: () => 'Hello from mcpkit' });
  return createServer({ name: 'todo-gateway', version: '1.0.0' }, [hello, mount(todos, { namespace: 'todos' })]);
};
