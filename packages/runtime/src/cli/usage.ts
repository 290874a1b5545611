/** The help texts, one per command; `mcpkit --help` prints the first. */

const MAIN = `Usage: mcpkit <command> [options]

Commands:
  run <file>              Serve the server a module exports (stdio, http or sse)
  dev <file>              Serve it and reload on every change, keeping clients connected
  inspect <file>          Print the server's info, capabilities, tools, resources and prompts as JSON
  call <file> <target>    Call a tool, read a resource or get a prompt; print the result as JSON
  install <client> <file> Add the server to Claude Desktop, Claude Code, Cursor, VS Code or an mcp.json

Options:
  -h, --help              Show help (also: mcpkit <command> --help)
  -v, --version           Print the version

<file> is a .ts, .mts, .js or .mjs module whose default export (or export named
\`server\`) is a server made by createServer(). TypeScript runs without a build.
A .json MCP config file, or a .json/.yaml OpenAPI document, is served too.`;

const RUN = `Usage: mcpkit run <file> [options]

Serves the module's server (or every server of an mcp.json) until interrupted
(or, over stdio, until stdin closes).

Options:
  --transport <name>      stdio | http | sse            (env MCPKIT_TRANSPORT, default stdio;
                          http when --port, --host, --path, ... are given)
  --host <host>           Interface to bind (http, sse)  (env MCPKIT_HOST, default 127.0.0.1)
  --port <port>           Port to bind (http, sse)       (env MCPKIT_PORT, default 3000)
  --path <path>           Endpoint path (http, sse)      (env MCPKIT_PATH, default /mcp, /sse for sse)
  --stateless             Streamable HTTP without sessions (env MCPKIT_STATELESS)
  --json                  Answer POSTs with JSON, not SSE  (env MCPKIT_JSON)
  --session-ttl <time>    Close sessions idle this long, e.g. 90s, 15m, 1h (http)
                          (env MCPKIT_SESSION_TTL, default 30m)
  --max-sessions <n>      Most concurrent sessions (http, sse) (env MCPKIT_MAX_SESSIONS, default 10000)
  --env-file <path>       Load variables from this file (repeatable; default .env when present)
  --base-url <url>        The API an OpenAPI document's tools call (default: its servers)
  -h, --help              Show this help

A flag wins over its environment variable, which wins over the default.
Variables already set win over env files.
Over stdio, stdout carries only protocol messages: logs go to stderr.`;

const INSPECT = `Usage: mcpkit inspect <file> [--env-file <path>] [--base-url <url>]

Prints JSON: server info, instructions, capabilities, tools (with inputSchema
and outputSchema), resources, resource templates and prompts (with arguments).
For an mcp.json, entries that cannot be reached are listed under "unreachable"
(and on stderr), and the exit code is 1.`;

const CALL = `Usage: mcpkit call <file> <tool> [key=value ...] [--args '<json object>']
       mcpkit call <file> <uri>
       mcpkit call <file> <prompt> --prompt [key=value ...]

Connects an in-memory MCP client to the module's server (its lifespan started)
and calls the tool, reads the resource (a target with a scheme, such as
data://config) or gets the prompt, then prints the result as JSON.
key=value follows the tool's input schema: a=1 is a number where the schema
wants one, name=007 stays a string where it wants a string; key:=<json> is
always JSON. Logs and progress go to stderr. Exits 1 when the result is a tool
error, or the tool, resource or prompt does not exist or rejects the arguments.

Options:
  --args <json>           Arguments as a JSON object (key=value pairs win)
  --prompt                Get the prompt named <target>
  --env-file <path>       Load variables from this file (repeatable; default .env when present)
  -h, --help              Show this help`;

const INSTALL = `Usage: mcpkit install <client> <file|mcp.json|url> [options]

Adds a config entry for the server to an MCP client: claude-desktop, claude-code,
cursor, vscode or mcp-json. A module becomes a stdio entry (absolute node, the
project's mcpkit bin and the absolute file); a URL an HTTP entry; an mcp.json
each of its entries. Shows the diff, then writes it; other entries are kept.

Options:
  --name <name>           Entry name (default: the server's name, the URL's host)
  --env <KEY=value>       Put a variable in the entry's env (repeatable)
  --env-file <path>       Put every variable of this file in the entry's env (repeatable)
  --header <'N: v'>       A header for a URL entry (repeatable)
  --transport <http|sse>  How to reach a URL (default http)
  --scope <user|project>  The user's config (default) or the project's (.mcp.json,
                          .cursor/mcp.json, .vscode/mcp.json)
  --config <path>         Write this config file instead of the client's own
  --force                 Replace an existing entry of the same name
  --dry-run               Show the diff, write nothing
  -h, --help              Show this help

Config files are found under the home directory (env MCPKIT_INSTALL_HOME
replaces it, e.g. for tests).`;

const DEV = `Usage: mcpkit dev <file> [run options] [--inspector] [--no-typecheck]

Serves the module like mcpkit run and reloads it whenever it or a project file
it imports changes. Clients stay connected: HTTP sessions and the stdio client
get notifications/*/list_changed after each reload. An edit that does not load
leaves the last good version serving (the reason is printed); type errors from
a background tsc --noEmit are printed without stopping the loop.

Options: those of mcpkit run (--transport, --port, --host, --path, --env-file, ...), and
  --inspector             Serve over HTTP and start the MCP Inspector against it
  --no-typecheck          Do not run tsc on each change
  -h, --help              Show this help`;

const TEXTS: Readonly<Record<string, string>> = { run: RUN, dev: DEV, inspect: INSPECT, call: CALL, install: INSTALL };

/** The help of `command`, or the top-level help. */
export const usageOf = (command?: string): string => (command && TEXTS[command]) || MAIN;

/** The commands the CLI knows. */
export const COMMANDS = Object.keys(TEXTS);
