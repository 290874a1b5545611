import type { ContentsItem } from '@mcpkit/core';
import type { ClassifiedBody } from './classify-body.js';

/** One resource contents item from a response body: JSON and text as text, anything else as a blob. */
export const toTextOrBlob = (body: ClassifiedBody, mimeType: string | undefined): ContentsItem => {
  switch (body.kind) {
    case 'json':
      return { text: body.text, mimeType: 'application/json' };
    case 'text':
      return { text: body.text, mimeType: body.mimeType };
    case 'binary':
      return { blob: body.bytes, mimeType: body.mimeType };
    case 'empty':
      return { text: '', mimeType: mimeType ?? 'text/plain' };
  }
};
