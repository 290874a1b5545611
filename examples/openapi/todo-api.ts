import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Todo {
  id: number;
  title: string;
  done: boolean;
}

const send = (res: import('node:http').ServerResponse, status: number, body?: unknown) => {
  if (body === undefined) return res.writeHead(status).end();
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

/**
 * The HTTP API `openapi.json` describes, in plain node:http: a todo list in
 * memory. Stands in for any API you already run.
 */
export const startTodoApi = async (port = 0): Promise<{ url: string; server: HttpServer }> => {
  const todos = new Map<number, Todo>([[1, { id: 1, title: 'Read docs/openapi.md', done: true }]]);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const id = Number(url.pathname.match(/^\/todos\/(\d+)$/)?.[1]);
    if (url.pathname === '/todos' && req.method === 'GET') {
      const done = url.searchParams.get('done');
      return send(
        res,
        200,
        [...todos.values()].filter((t) => done === null || String(t.done) === done),
      );
    }
    if (url.pathname === '/todos' && req.method === 'POST') {
      let text = '';
      for await (const chunk of req) text += chunk;
      const { title } = JSON.parse(text || '{}') as { title?: unknown };
      if (typeof title !== 'string' || !title) return send(res, 400, { error: 'title is required' });
      const todo = { id: todos.size + 1, title, done: false };
      todos.set(todo.id, todo);
      return send(res, 201, todo);
    }
    if (id && req.method === 'GET')
      return todos.has(id) ? send(res, 200, todos.get(id)) : send(res, 404, { error: 'no such todo' });
    if (id && req.method === 'DELETE') return send(res, todos.delete(id) ? 204 : 404);
    send(res, 404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
};
