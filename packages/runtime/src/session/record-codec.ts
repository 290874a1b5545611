import { isLogLevel, isRecord, type LoggingLevel } from '@mcpkit/core';
import type { ClientHello } from './initialize.js';
import type { SessionRecord, VisibilityRule } from './session-record.js';

/** A session record as a shared store keeps it (JSON), with the identity that opened the session. */
export interface StoredRecord {
  /** Format version: a record of another version is treated as absent. */
  readonly v: 1;
  /** The identity that opened the session (see auth/identity.ts); absent without auth. */
  readonly owner?: string;
  readonly hello: ClientHello;
  readonly level: LoggingLevel;
  readonly subscriptions?: readonly string[];
  readonly rules?: readonly VisibilityRule[];
  /** `ctx.session.state`, whose values must be JSON. */
  readonly state?: Readonly<Record<string, unknown>>;
}

/** Serialises an initialized session's record for a shared store. */
export const encodeRecord = (record: SessionRecord, owner: string | undefined): string => {
  const stored: Record<string, unknown> = { v: 1, hello: record.hello, level: record.level };
  if (owner !== undefined) stored.owner = owner;
  if (record.subscriptions?.size) stored.subscriptions = [...record.subscriptions];
  if (record.rules?.length) stored.rules = record.rules;
  if (record.state?.size) stored.state = Object.fromEntries(record.state);
  return JSON.stringify(stored);
};

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * Reads a stored record back; undefined when the text is not one this
 * version wrote (a corrupt or foreign value is treated as no session).
 */
export const decodeRecord = (text: string): StoredRecord | undefined => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || parsed.v !== 1 || !isRecord(parsed.hello)) return undefined;
  if (typeof parsed.hello.protocolVersion !== 'string' || !isLogLevel(parsed.level)) return undefined;
  if (parsed.owner !== undefined && typeof parsed.owner !== 'string') return undefined;
  if (parsed.subscriptions !== undefined && !isStringList(parsed.subscriptions)) return undefined;
  if (parsed.rules !== undefined && !Array.isArray(parsed.rules)) return undefined;
  if (parsed.state !== undefined && !isRecord(parsed.state)) return undefined;
  return parsed as unknown as StoredRecord;
};
