import { resource, resourceContents } from '@mcpkit/core';
import * as v from 'valibot';
import { RED_PIXEL_PNG } from './media.js';

/** The conformance suite's resources; subscriptions to them are the runtime's business. */

/** `resources-read-text`. */
export const staticText = resource({
  uri: 'test://static-text',
  name: 'Static Text Resource',
  description: 'A static text resource for testing',
  mimeType: 'text/plain',
  read: () => 'This is the content of the static text resource.',
});

/** `resources-read-binary`: the 1x1 PNG as a base64 blob. */
export const staticBinary = resource({
  uri: 'test://static-binary',
  name: 'Static Binary Resource',
  description: 'A static binary resource (a 1x1 PNG) for testing',
  mimeType: 'image/png',
  read: () => resourceContents({ blob: RED_PIXEL_PNG }),
});

/** `resources-templates-read`: the id is substituted into the JSON it returns. */
export const templateData = resource({
  uri: 'test://template/{id}/data',
  name: 'Template Data Resource',
  description: 'Data for any id, from a URI template',
  mimeType: 'application/json',
  params: v.object({ id: v.pipe(v.string(), v.description('Any identifier')) }),
  complete: { id: (value) => ['1', '2', '3', '123'].filter((id) => id.startsWith(value)) },
  read: ({ id }) => ({ id, templateTest: true, data: `Data for ID: ${id}` }),
});

/** `resources-subscribe` / `resources-unsubscribe`. */
export const watchedResource = resource({
  uri: 'test://watched-resource',
  name: 'Watched Resource',
  description: 'A resource clients may subscribe to',
  mimeType: 'text/plain',
  read: () => 'Watched resource content',
});
