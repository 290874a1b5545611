import { createServer, tool } from '@mcpkit/core';
import { word } from './http-helper.js';
export default createServer({ name: 'dev-fixture', version: '1.0.0' }, [tool({ name: 'word', run: () => word })]);
