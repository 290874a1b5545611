import { createServer, tool } from '@mcpkit/core';
console.log('hello from module scope');
export default createServer({ name: 'chatty', version: '1.0.0' }, [
  tool({ name: 'shout', run: () => { console.log('hello from a tool'); return 'done'; } }),
]);