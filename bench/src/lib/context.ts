import type { LoadGenerator } from '../load/types.js';
import type { Library } from './spawn-server.js';

/** What every scenario gets: the load generator and the durations of this run. */
export interface BenchContext {
  readonly quick: boolean;
  readonly load: LoadGenerator;
  /** The servers under test, in table order (all of them unless `--servers` says otherwise). */
  readonly libraries: readonly Library[];
  /** Concurrent HTTP connections (and stdio calls in flight). */
  readonly connections: number;
  /** Measured seconds per HTTP load run. */
  readonly seconds: number;
  /** HTTP load runs per figure; the figure is their median. */
  readonly runs: number;
  /** Seconds of load before each measured HTTP run, discarded. */
  readonly warmupSeconds: number;
  /** Idle sessions opened in the memory scenario. */
  readonly sessions: number;
  /** Calls made one at a time in the stdio latency scenario. */
  readonly sequentialCalls: number;
  /** Runs whose median is the construction time. */
  readonly constructionRuns: number;
  /** Progress lines go to stderr so stdout holds only the table. */
  readonly log: (line: string) => void;
}

/** Durations for `--quick` (keep the harness alive in CI) and the default full run. */
export const durations = (quick: boolean) =>
  quick
    ? { seconds: 1, runs: 1, warmupSeconds: 0, sessions: 200, sequentialCalls: 300, constructionRuns: 3 }
    : { seconds: 5, runs: 3, warmupSeconds: 3, sessions: 5000, sequentialCalls: 5000, constructionRuns: 9 };
