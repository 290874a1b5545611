// `npm start`: the Express app, http://127.0.0.1:3000/api/mcp.
import { createApp } from './app.js';

const { app, close } = createApp();
const port = Number(process.env.PORT ?? 3000);
const running = app.listen(port, '127.0.0.1', () => console.log(`MCP on http://127.0.0.1:${port}/api/mcp`));
process.once('SIGINT', () => {
  close();
  running.close();
});
