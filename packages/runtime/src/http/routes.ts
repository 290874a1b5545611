/* Leaf types: auth-options.ts names them too, so they import nothing. */

/** A custom route handler: web-standard in, web-standard out. */
export type RouteHandler = (request: Request) => Response | Promise<Response>;

/** Extra routes keyed `'METHOD /path'`, e.g. `{ 'GET /version': () => Response.json({ v: 1 }) }`. */
export type Routes = Readonly<Record<string, RouteHandler>>;
