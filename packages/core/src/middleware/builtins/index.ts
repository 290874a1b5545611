export { type ErrorHandlingOptions, errorHandling } from './error-handling.js';
export { type RateLimitOptions, rateLimit } from './rate-limit.js';
export { type LoggingOptions, type RequestLogEntry, requestLogging } from './request-logging.js';
export {
  type CacheableMethod,
  type ResponseCache,
  type ResponseCacheOptions,
  responseCache,
} from './response-cache.js';
export { type TimeoutOptions, timeout } from './timeout.js';
export { TIMING_META_KEY, type TimingOptions, timing } from './timing.js';
