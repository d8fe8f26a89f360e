import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const TICKS_PER_S = 100

/** Pids of the processes whose command line matches `pattern` (e.g. every `postgres` backend). */
export function pidsMatching(pattern: RegExp): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
  return out
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && pattern.test(m[2] ?? ''))
    .map((m) => Number(m[1]))
}

/** CPU seconds (user + system) each of these processes has used so far; ended ones are left out. */
export function cpuSecondsByPid(pids: readonly number[]): Map<number, number> {
  const used = new Map<number, number>()
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
      // Fields after the parenthesised command name; utime and stime are the 14th and 15th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      used.set(pid, (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S)
    } catch (error) {
      // A process that ended between listing and reading uses no more CPU.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  return used
}

/**
 * CPU seconds these processes used since `before` was taken. Only processes alive at both ends
 * count: one that ended in between (a PostgreSQL backend whose connection closed) takes its
 * whole history with it, and subtracting that would make the figure negative.
 */
export function cpuSecondsSince(
  before: ReadonlyMap<number, number>,
  pids: readonly number[],
): number {
  let seconds = 0
  for (const [pid, now] of cpuSecondsByPid(pids)) {
    const then = before.get(pid)
    if (then !== undefined) seconds += Math.max(0, now - then)
  }
  return seconds
}
