import { clipInput } from '../utils/quote-input.js';
import type { StandardSchemaV1 } from './standard-schema.js';

/** Renames the first segment of an issue path (for arguments a client knows by another name). */
export type RenameKey = (key: string) => string;

const segment = (part: PropertyKey | StandardSchemaV1.PathSegment): string =>
  String(typeof part === 'object' && part !== null ? part.key : part);

/** Formats Standard Schema issues as `field: message; other.field: message`, like valibot's. */
export const formatStandardIssues = (issues: readonly StandardSchemaV1.Issue[], rename?: RenameKey): string =>
  issues
    .map((issue) => {
      const message = clipInput(issue.message);
      const [head, ...rest] = (issue.path ?? []).map(segment);
      if (head === undefined) return message;
      return `${clipInput([rename ? rename(head) : head, ...rest].join('.'))}: ${message}`;
    })
    .join('; ');
