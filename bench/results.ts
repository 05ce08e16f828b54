// What a run found, in one shape shared by the table, the target checks and the JSON line.
import type { BenchFile } from './fixtures';
import type { PhaseId, PhaseOutcome } from './phases';
import type { Footprint } from './proc-stats';

export interface ServerResult {
  id: string;
  label: string;
  /** Why this server is not in the run (e.g. "not on PATH"), or null. */
  absent: string | null;
  phases: Partial<Record<PhaseId, PhaseOutcome>>;
  footprint: { before: Footprint; after: Footprint } | null;
}

export interface SectionResult {
  id: 'files' | 'app';
  title: string;
  /** What the comparison means, in one or two lines. */
  what: string;
  /** The server whose req/s is 1.00× in this section. */
  baselineId: string;
  files: { small: BenchFile; large: BenchFile };
  servers: ServerResult[];
}

/** req/s of `server` divided by the baseline's in the same phase; null when either has none. */
export function ratioTo(section: SectionResult, server: ServerResult, phase: PhaseId): number | null {
  const baseline = section.servers.find((s) => s.id === section.baselineId);
  const mine = server.phases[phase]?.load?.reqPerSec;
  const theirs = baseline?.phases[phase]?.load?.reqPerSec;
  if (mine === undefined || theirs === undefined || theirs === 0) return null;
  return mine / theirs;
}
