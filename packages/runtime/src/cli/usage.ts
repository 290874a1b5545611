/** The help texts, one per command; `mcpkit --help` prints the first. */

const MAIN = `Usage: mcpkit <command> [options]

Commands:
  run <file>              Serve the server a module exports (stdio, http or sse)
  inspect <file>          Print the server's info, capabilities, tools, resources and prompts as JSON
  call <file> <tool>      Call one tool in-process and print the result as JSON

Options:
  -h, --help              Show help (also: mcpkit <command> --help)

<file> is a .ts, .mts, .js or .mjs module whose default export (or export named
\`server\`) is a server made by createServer(). TypeScript runs without a build.
A .json MCP config file, or a .json/.yaml OpenAPI document, is served too.`;

const RUN = `Usage: mcpkit run <file> [options]

Serves the module's server until interrupted (or, over stdio, until stdin closes).

Options:
  --transport <name>      stdio | http | sse            (env MCPKIT_TRANSPORT, default stdio)
  --host <host>           Interface to bind (http, sse)  (env MCPKIT_HOST, default 127.0.0.1)
  --port <port>           Port to bind (http, sse)       (env MCPKIT_PORT, default 3000)
  --path <path>           Endpoint path (http, sse)      (env MCPKIT_PATH, default /mcp, /sse for sse)
  --stateless             Streamable HTTP without sessions (env MCPKIT_STATELESS)
  --json                  Answer POSTs with JSON, not SSE  (env MCPKIT_JSON)
  --base-url <url>        The API an OpenAPI document's tools call (default: its servers)
  -h, --help              Show this help

A flag wins over its environment variable, which wins over the default.
Over stdio, stdout carries only protocol messages: logs go to stderr.`;

const INSPECT = `Usage: mcpkit inspect <file> [--base-url <url>]

Prints JSON: server info, instructions, capabilities, tools (with inputSchema
and outputSchema), resources, resource templates and prompts (with arguments).`;

const CALL = `Usage: mcpkit call <file> <tool> [--args '<json object>']

Calls the tool in-process as tools/call does and prints the result as JSON.
Logs and progress go to stderr. Exits 1 when the result is a tool error, the
tool does not exist or the arguments are not a JSON object.

Options:
  --args <json>           The arguments, a JSON object (default {})
  -h, --help              Show this help`;

const TEXTS: Readonly<Record<string, string>> = { run: RUN, inspect: INSPECT, call: CALL };

/** The help of `command`, or the top-level help. */
export const usageOf = (command?: string): string => (command && TEXTS[command]) || MAIN;

/** The commands the CLI knows. */
export const COMMANDS = Object.keys(TEXTS);
