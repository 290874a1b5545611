import type { GetPromptResult, PromptMessage } from '../protocol/types.js';
import type { PromptMessageInput, PromptReturn } from './prompt.js';

const message = (entry: string | PromptMessageInput): PromptMessage =>
  typeof entry === 'string'
    ? { role: 'user', content: { type: 'text', text: entry } }
    : ({
        role: entry.role,
        content: typeof entry.content === 'string' ? { type: 'text', text: entry.content } : entry.content,
      } as PromptMessage);

/** Converts what `render` returned into a `prompts/get` result. */
export const toPromptResult = (value: PromptReturn, description: string | undefined): GetPromptResult => {
  const entries = Array.isArray(value) ? value : [value as string | PromptMessageInput];
  return { ...(description && { description }), messages: entries.map(message) };
};
