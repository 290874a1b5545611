/**
 * `pnpm demo`: serves the everything server over Streamable HTTP on a free
 * port, drives it with the MCP SDK's client, prints what happened, closes
 * both and exits 0 (1 on any failure).
 */
import { serve } from '@mcpkit/runtime';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CreateMessageRequestSchema, LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import everything from '../everything/server.js';

type Blocks = readonly { type: string; text?: string }[];

const say = (line: string) => console.log(line);
const step = (what: string, detail: string) => say(`  ✓ ${what.padEnd(44)} ${detail}`);
const textOf = (content: unknown): string =>
  (content as Blocks).map((block) => (block.type === 'text' ? block.text : `[${block.type}]`)).join(' ');

const main = async (): Promise<void> => {
  const server = await serve(everything, { transport: 'http', port: 0 });
  const client = new Client({ name: 'mcpkit-demo', version: '1.0.0' }, { capabilities: { sampling: {} } });
  try {
    say(`mcpkit demo: serving ${everything.info.name} over Streamable HTTP at ${server.url}`);
    const logs: string[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, ({ params }) => {
      logs.push(String(params.data));
    });
    // Playing the model: the server's test_sampling tool asks this client for a completion.
    client.setRequestHandler(CreateMessageRequestSchema, async () => ({
      role: 'assistant',
      model: 'demo-model',
      content: { type: 'text', text: 'Hello from the client side!' },
    }));
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url as string)));
    const info = client.getServerVersion();
    step('initialize', `${info?.name} ${info?.version}`);

    const { tools } = await client.listTools();
    step(
      'tools/list',
      `${tools.length} tools: ${tools
        .slice(0, 3)
        .map((t) => t.name)
        .join(', ')}, …`,
    );
    const { resources } = await client.listResources();
    const { resourceTemplates } = await client.listResourceTemplates();
    step('resources/list', `${resources.length} resources, ${resourceTemplates.length} template`);
    const { prompts } = await client.listPrompts();
    step('prompts/list', `${prompts.length} prompts`);

    const simple = await client.callTool({ name: 'test_simple_text', arguments: {} });
    step('tools/call test_simple_text', `"${textOf(simple.content)}"`);

    await client.setLoggingLevel('info');
    await client.callTool({ name: 'test_tool_with_logging', arguments: {} });
    step('tools/call test_tool_with_logging', `${logs.length} log messages: ${logs.join(' → ')}`);

    const progress: string[] = [];
    await client.callTool({ name: 'test_tool_with_progress', arguments: {} }, undefined, {
      onprogress: ({ progress: done, total }) => void progress.push(`${done}/${total}`),
    });
    step('tools/call test_tool_with_progress', `progress ${progress.join(', ')}`);

    const sampled = await client.callTool({ name: 'test_sampling', arguments: { prompt: 'Say hello' } });
    step('tools/call test_sampling', `"${textOf(sampled.content)}"`);

    const failed = await client.callTool({ name: 'test_error_handling', arguments: {} });
    step('tools/call test_error_handling', `isError=${failed.isError}: "${textOf(failed.content)}"`);

    const read = await client.readResource({ uri: 'test://template/42/data' });
    step('resources/read test://template/42/data', (read.contents[0] as { text: string }).text);

    const rendered = await client.getPrompt({
      name: 'test_prompt_with_arguments',
      arguments: { arg1: 'hello', arg2: 'world' },
    });
    step('prompts/get test_prompt_with_arguments', `"${textOf(rendered.messages.map((m) => m.content))}"`);

    const completion = await client.complete({
      ref: { type: 'ref/prompt', name: 'test_prompt_with_arguments' },
      argument: { name: 'arg1', value: 'pa' },
    });
    step('completion/complete arg1="pa"', completion.completion.values.join(', '));
  } finally {
    await client.close();
    await server.close();
  }
  say('mcpkit demo: done, client and server closed');
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`mcpkit demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
