import { ErrorCode } from '@mcpkit/core';
import type { HttpReply } from '../http/exchange.js';
import { rpcErrorResponse } from '../http/responses.js';

/** RFC 6750 error codes a resource server sends in `WWW-Authenticate`. */
export type BearerError = 'invalid_token' | 'insufficient_scope';

const quote = (value: string): string => `"${value.replace(/[\\"]/g, '\\$&')}"`;

/** A `WWW-Authenticate: Bearer ...` value; absent parameters are left out. */
export const bearerChallenge = (params: {
  readonly error?: BearerError;
  readonly description?: string;
  readonly scopes?: readonly string[];
  readonly resourceMetadata: string;
}): string => {
  const parts: string[] = [];
  if (params.error) parts.push(`error=${quote(params.error)}`);
  if (params.description) parts.push(`error_description=${quote(params.description)}`);
  if (params.scopes?.length) parts.push(`scope=${quote(params.scopes.join(' '))}`);
  parts.push(`resource_metadata=${quote(params.resourceMetadata)}`);
  return `Bearer ${parts.join(', ')}`;
};

/**
 * 401: no token (the client should start authorization, guided by the
 * metadata URL), or a bad one (`invalid_token`: it should get a new one).
 */
export const unauthorized = (resourceMetadata: string, scopes: readonly string[], invalid: boolean): HttpReply =>
  rpcErrorResponse(
    401,
    ErrorCode.InvalidRequest,
    invalid
      ? 'Unauthorized: the access token is invalid, expired, or not meant for this server'
      : 'Unauthorized: send an access token in the Authorization: Bearer header',
    {
      headers: {
        'WWW-Authenticate': bearerChallenge({
          ...(invalid ? { error: 'invalid_token' as const } : {}),
          scopes,
          resourceMetadata,
        }),
      },
    },
  );

/** 403: a valid token that lacks scopes this server requires (the client may step up). */
export const insufficientScope = (resourceMetadata: string, scopes: readonly string[]): HttpReply =>
  rpcErrorResponse(403, ErrorCode.InvalidRequest, `Forbidden: the access token lacks the scopes ${scopes.join(' ')}`, {
    headers: {
      'WWW-Authenticate': bearerChallenge({ error: 'insufficient_scope', scopes, resourceMetadata }),
    },
  });
