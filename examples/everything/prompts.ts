import { embedded, image, prompt } from '@mcpkit/core';
import * as v from 'valibot';
import { RED_PIXEL_PNG } from './media.js';

/** The conformance suite's prompts. */

/** `prompts-get-simple`. */
export const simplePrompt = prompt({
  name: 'test_simple_prompt',
  description: 'A simple prompt without arguments',
  render: () => 'This is a simple prompt for testing.',
});

/** `prompts-get-with-args`; `completion-complete` completes its `arg1`. */
export const promptWithArguments = prompt({
  name: 'test_prompt_with_arguments',
  description: 'A prompt with two required arguments',
  args: v.object({
    arg1: v.pipe(v.string(), v.description('First test argument')),
    arg2: v.pipe(v.string(), v.description('Second test argument')),
  }),
  complete: {
    arg1: (value) => ['paris', 'park', 'party', 'test', 'testing'].filter((word) => word.startsWith(value)),
  },
  render: ({ arg1, arg2 }) => `Prompt with arguments: arg1='${arg1}', arg2='${arg2}'`,
});

/** `prompts-get-embedded-resource`. */
export const promptWithEmbeddedResource = prompt({
  name: 'test_prompt_with_embedded_resource',
  description: 'A prompt that embeds the resource it is given',
  args: v.object({ resourceUri: v.pipe(v.string(), v.description('URI of the resource to embed')) }),
  render: ({ resourceUri }) => [
    {
      role: 'user',
      content: embedded({ uri: resourceUri, mimeType: 'text/plain', text: 'Embedded resource content for testing.' }),
    },
    'Please process the embedded resource above.',
  ],
});

/** `prompts-get-with-image`. */
export const promptWithImage = prompt({
  name: 'test_prompt_with_image',
  description: 'A prompt that shows an image',
  render: () => [{ role: 'user', content: image(RED_PIXEL_PNG, 'image/png') }, 'Please analyze the image above.'],
});
