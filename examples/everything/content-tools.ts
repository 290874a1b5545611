import { audio, embedded, image, ToolError, text, tool } from '@mcpkit/core';
import { RED_PIXEL_PNG, silentWav } from './media.js';

/** Tools that return one kind of content each, as the conformance suite expects. */

/** `tools-call-simple-text`. */
export const simpleText = tool({
  name: 'test_simple_text',
  description: 'Returns a simple text response',
  run: () => 'This is a simple text response for testing.',
});

/** `tools-call-image`. */
export const imageContent = tool({
  name: 'test_image_content',
  description: 'Returns a 1x1 red PNG image',
  run: () => image(RED_PIXEL_PNG, 'image/png'),
});

/** `tools-call-audio`. */
export const audioContent = tool({
  name: 'test_audio_content',
  description: 'Returns a short silent WAV clip',
  run: () => audio(silentWav(), 'audio/wav'),
});

/** `tools-call-embedded-resource`. */
export const embeddedResource = tool({
  name: 'test_embedded_resource',
  description: 'Returns an embedded text resource',
  run: () =>
    embedded({
      uri: 'test://embedded-resource',
      mimeType: 'text/plain',
      text: 'This is an embedded resource content.',
    }),
});

/** `tools-call-mixed-content`. */
export const multipleContentTypes = tool({
  name: 'test_multiple_content_types',
  description: 'Returns text, an image and an embedded resource',
  run: () => [
    text('Multiple content types test:'),
    image(RED_PIXEL_PNG, 'image/png'),
    embedded({
      uri: 'test://mixed-content-resource',
      mimeType: 'application/json',
      text: JSON.stringify({ test: 'data', value: 123 }),
    }),
  ],
});

/** `tools-call-error`: a tool error result (`isError: true`), not a JSON-RPC error. */
export const errorHandling = tool({
  name: 'test_error_handling',
  description: 'Always fails with a tool error',
  run: () => {
    throw new ToolError('This tool intentionally returns an error for testing');
  },
});
