import { type AuthInfo, ErrorCode } from '@mcpkit/core';
import type { HttpReply } from '../http/exchange.js';
import { rpcErrorResponse } from '../http/responses.js';

/**
 * The identity a session is bound to: the token's subject, else its client,
 * else "anonymous" (a verifier that names neither). Undefined without auth.
 */
export const identityOf = (auth: AuthInfo | undefined): string | undefined => {
  if (auth === undefined) return undefined;
  if (auth.subject !== undefined) return `subject:${auth.subject}`;
  if (auth.clientId !== undefined) return `client:${auth.clientId}`;
  return 'anonymous';
};

/** 403 for a request presenting a session another identity opened; the session itself is untouched. */
export const foreignSession = (): HttpReply =>
  rpcErrorResponse(403, ErrorCode.InvalidRequest, 'Forbidden: this session belongs to another identity');
