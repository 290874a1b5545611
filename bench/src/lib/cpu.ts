import { readFileSync } from 'node:fs';

/** Kernel clock ticks per second in `/proc/<pid>/stat` (USER_HZ, 100 on Linux builds in practice). */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system) process `pid` has used so far, from
 * `/proc/<pid>/stat`; undefined where there is no `/proc` (macOS) or the
 * process is gone. Unlike requests/s, CPU per request hardly moves when other
 * work shares the machine, so it steadies ratios taken on a busy one.
 */
export const cpuSecondsOf = (pid: number | undefined): number | undefined => {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // Fields after the command name, which may hold spaces: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
};
