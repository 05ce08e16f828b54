// The measuring itself: check that every server serves its files, warm them up, then run the
// phases. Phase by phase, every server in turn (not server by server), so the numbers of one
// phase are taken close in time: a neighbour's load on a shared machine then moves them
// together, and their ratios less.
import { lastLine } from './child';
import { runLoad } from './load';
import type { BenchOptions } from './options';
import { PHASES, STEADY_TIMEOUT_S, checkServes, phaseTitle, runPhase, skipped } from './phases';
import type { Lineup } from './servers';

export interface MeasureHooks {
  progress: (text: string) => void;
  aborted: () => boolean;
}

/** Fills in every server's phases; returns how many answers the app gave (for the SSE check). */
export async function measure(lineup: Lineup, options: BenchOptions, hooks: MeasureHooks): Promise<{ appAnswers: number }> {
  const { sections, targets, running } = lineup;
  // A short warm-up per file and server, not reported: node's JIT and the app's first copy of
  // its sandbox happen there, not in the first measured phase.
  const warmupS = warmupSeconds(options);
  // A pause between two loads, so that the sockets of one are closed before the next starts.
  const settleMs = Math.min(500, Math.max(100, options.durationS * 200));
  let appAnswers = 0;

  // Before any load: every server serves both files, whole. One that does not is not measured.
  const broken = new Map<string, string>();
  for (const section of sections) {
    for (const s of section.servers) {
      const target = targets.get(s.id);
      const problem = target ? await checkServes(target, section.files) : null;
      if (problem) broken.set(s.id, problem);
    }
  }

  hooks.progress(`warming up (${warmupS} s per file and server)`);
  for (const section of sections) {
    for (const s of section.servers) {
      const target = targets.get(s.id);
      if (!target || broken.has(s.id)) continue;
      for (const file of [section.files.small, section.files.large]) {
        if (hooks.aborted()) return { appAnswers };
        const warm = await runLoad({
          url: target.base + file.path,
          headers: {},
          connections: options.connections,
          pipelining: options.pipelining,
          durationS: warmupS,
          timeoutS: STEADY_TIMEOUT_S,
          expectStatus: 200,
          expectBodyBytes: file.bytes,
          serverPid: target.pid,
        });
        if (s.id === 'app') appAnswers += warm.expected;
      }
    }
  }

  for (const phase of PHASES) {
    for (const section of sections) {
      for (const s of section.servers) {
        const target = targets.get(s.id);
        if (!target) continue;
        if (hooks.aborted()) return { appAnswers };
        const child = running.get(s.id)!.child;
        if (broken.has(s.id)) {
          s.phases[phase.id] = skipped(broken.get(s.id)!);
          continue;
        }
        if (child.exitReason() !== null) {
          s.phases[phase.id] = skipped(`the server ended (${child.exitReason()}): ${lastLine(child.output())}`);
          continue;
        }
        hooks.progress(`${phaseTitle(phase, section.files, options.burstConnections)}: ${s.label}`);
        try {
          const outcome = await runPhase(target, phase, section.files, options);
          s.phases[phase.id] = outcome;
          if (s.id === 'app') appAnswers += Object.values(outcome.load?.statuses ?? {}).reduce((a, b) => a + b, 0);
        } catch (error) {
          s.phases[phase.id] = skipped(`failed: ${(error as Error).message}`);
        }
        await new Promise((resolve) => setTimeout(resolve, phase.burst ? settleMs * 2 : settleMs));
      }
    }
  }
  return { appAnswers };
}

export function warmupSeconds(options: BenchOptions): number {
  return Math.min(1, Math.max(0.1, options.durationS * 0.2));
}
