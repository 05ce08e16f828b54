// What a child server costs, read from Linux's /proc: resident memory, open file descriptors
// (a leak of files or sockets shows as a count that only grows), and CPU time (to tell a
// saturated server from a saturated load generator). Elsewhere each reads as null ("n/a").
import { readFileSync, readdirSync } from 'node:fs';

export interface Footprint {
  rssKiB: number | null;
  /** The highest RSS so far (VmHWM): catches a peak that was freed again before "after". */
  peakRssKiB: number | null;
  openFds: number | null;
}

export function footprint(pid: number): Footprint {
  return { rssKiB: statusField(pid, 'VmRSS'), peakRssKiB: statusField(pid, 'VmHWM'), openFds: openFds(pid) };
}

function statusField(pid: number, field: string): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function openFds(pid: number): number | null {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return null;
  }
}

/** Linux's USER_HZ: /proc reports CPU time in these ticks, 100 per second on every common build. */
const TICKS_PER_SECOND = 100;

/** User plus system CPU seconds the process has used so far, or null. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]); // field 14 of the whole line
    const stime = Number(fields[12]); // field 15
    return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}
