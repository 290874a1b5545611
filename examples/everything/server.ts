import { createServer } from '@mcpkit/core';
import { elicitation, elicitationDefaults, elicitationEnums, sampling } from './client-tools.js';
import {
  audioContent,
  embeddedResource,
  errorHandling,
  imageContent,
  multipleContentTypes,
  simpleText,
} from './content-tools.js';
import { loggingTool, missingCapability, streamingElicitation } from './diagnostic-tools.js';
import { customHeaderTool } from './header-tools.js';
import { inputRequiredFixtures } from './input-required-tools.js';
import { listChangeTriggers } from './list-change-tools.js';
import { toolWithLogging, toolWithProgress } from './notifying-tools.js';
import { promptWithArguments, promptWithEmbeddedResource, promptWithImage, simplePrompt } from './prompts.js';
import { staticBinary, staticText, templateData, watchedResource } from './resources.js';
import { jsonSchema2020Tool } from './schema-tools.js';

/**
 * The "everything" server: what the `@modelcontextprotocol/conformance`
 * server scenarios call. Serve it with
 * `mcpkit run examples/everything/server.ts --transport http --port 3001`
 * and point the suite at `http://localhost:3001/mcp`.
 */
export default createServer(
  {
    name: 'mcpkit-everything',
    version: '0.1.0',
    instructions: 'Fixture server for the MCP conformance suite.',
  },
  [
    simpleText,
    imageContent,
    audioContent,
    embeddedResource,
    multipleContentTypes,
    toolWithLogging,
    toolWithProgress,
    errorHandling,
    sampling,
    elicitation,
    elicitationDefaults,
    elicitationEnums,
    jsonSchema2020Tool,
    missingCapability,
    streamingElicitation,
    loggingTool,
    customHeaderTool,
    ...listChangeTriggers(),
    ...inputRequiredFixtures,
    staticText,
    staticBinary,
    templateData,
    watchedResource,
    simplePrompt,
    promptWithArguments,
    promptWithEmbeddedResource,
    promptWithImage,
  ],
);
