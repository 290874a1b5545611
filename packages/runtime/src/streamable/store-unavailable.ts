import { ErrorCode } from '@mcpkit/core';
import type { HttpReply } from '../http/exchange.js';
import { rpcErrorResponse } from '../http/responses.js';

/** Seconds a client is told to wait when the shared store is down. */
export const STORE_RETRY_AFTER_SECONDS = 5;

/** 503 with `Retry-After` and a JSON-RPC error body: the shared session store is unreachable. */
export const storeUnavailable = (): HttpReply =>
  rpcErrorResponse(
    503,
    ErrorCode.InternalError,
    'Service Unavailable: the shared session store is unreachable; try again later',
    { headers: { 'Retry-After': String(STORE_RETRY_AFTER_SECONDS) } },
  );
