import type { Annotations, ContentBlock, Icon } from '../protocol/types.js';
import { toBase64 } from '../utils/base64.js';

const CONTENT = Symbol.for('mcpkit.content');

/** A content block made by one of the helpers; tools may return one or an array of them as is. */
export type Content = ContentBlock & { readonly [CONTENT]?: true };

/** True for content made by {@link text}, {@link image}, {@link audio}, {@link resourceLink} or {@link embedded}. */
export const isContent = (value: unknown): value is Content =>
  typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[CONTENT] === true;

const brand = <T extends object>(block: T): T & Content => {
  // Non-enumerable: the brand never reaches JSON.
  Object.defineProperty(block, CONTENT, { value: true, enumerable: false });
  return Object.freeze(block) as T & Content;
};

/** Options every content block accepts. */
export interface ContentOptions {
  readonly annotations?: Annotations;
  readonly meta?: Readonly<Record<string, unknown>>;
}

const extras = (options?: ContentOptions) => ({
  ...(options?.annotations && { annotations: options.annotations }),
  ...(options?.meta && { _meta: options.meta }),
});

const base64Of = (data: Uint8Array | string): string => (typeof data === 'string' ? data : toBase64(data));

/** A text content block. */
export const text = (value: string, options?: ContentOptions): Content =>
  brand({ type: 'text' as const, text: value, ...extras(options) });

/** An image content block from bytes or base64. */
export const image = (data: Uint8Array | string, mimeType: string, options?: ContentOptions): Content =>
  brand({ type: 'image' as const, data: base64Of(data), mimeType, ...extras(options) });

/** An audio content block from bytes or base64. */
export const audio = (data: Uint8Array | string, mimeType: string, options?: ContentOptions): Content =>
  brand({ type: 'audio' as const, data: base64Of(data), mimeType, ...extras(options) });

/** A link to a resource the client may read or subscribe to. */
export const resourceLink = (
  link: {
    readonly uri: string;
    readonly name: string;
    readonly title?: string;
    readonly description?: string;
    readonly mimeType?: string;
    readonly size?: number;
    readonly icons?: readonly Icon[];
  },
  options?: ContentOptions,
): Content => brand({ type: 'resource_link' as const, ...link, ...extras(options) } as ContentBlock);

/** A resource embedded in the result: text, or bytes sent as a base64 blob. */
export const embedded = (
  resource: { readonly uri: string; readonly mimeType?: string } & (
    | { readonly text: string }
    | { readonly blob: Uint8Array | string }
  ),
  options?: ContentOptions,
): Content => {
  const body =
    'text' in resource
      ? { uri: resource.uri, mimeType: resource.mimeType, text: resource.text }
      : { uri: resource.uri, mimeType: resource.mimeType, blob: base64Of(resource.blob) };
  if (body.mimeType === undefined) delete body.mimeType;
  return brand({ type: 'resource' as const, resource: body, ...extras(options) } as ContentBlock);
};

/** Content for raw bytes with a MIME type: image/* and audio/* as such, anything else as an embedded blob. */
export const bytesContent = (bytes: Uint8Array, mimeType: string, uri: string): Content =>
  mimeType.startsWith('image/')
    ? image(bytes, mimeType)
    : mimeType.startsWith('audio/')
      ? audio(bytes, mimeType)
      : embedded({ uri, mimeType, blob: bytes });
