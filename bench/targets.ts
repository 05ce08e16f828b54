// The goals the course's server is held to. Missing one does not fail the run (the numbers of
// a shared 2-core machine are noisy): it is said, one line per miss, and put in the JSON.
import type { PhaseId } from './phases';
import { ratioTo, type SectionResult } from './results';

export interface TargetCheck {
  name: string;
  met: boolean;
  detail: string;
}

/** The standalone stage at least as fast as serve-static on these phases. */
const STAGE_VS_SERVE_STATIC: PhaseId[] = ['get-small', 'not-modified', 'get-large'];
const STAGE_MIN_RATIO = 1.0;
/** The app's /ch/<stage>/ path, with the log streaming, at least this fraction of the stage alone. */
const APP_VS_STAGE: PhaseId[] = ['get-small', 'not-modified', 'get-large'];
const APP_MIN_RATIO = 0.8;

export function checkTargets(files: SectionResult, app: SectionResult, stageId: string, appId: string): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const stage = files.servers.find((s) => s.id === stageId)!;
  for (const phase of STAGE_VS_SERVE_STATIC) checks.push(ratioCheck(files, stageId, phase, STAGE_MIN_RATIO, 'serve-static'));

  for (const phase of ['burst-small', 'burst-large'] as const) {
    const outcome = stage.phases[phase];
    const name = `${stage.label}: no errors or timeouts in ${phase}, then still answers 200`;
    if (!outcome?.load) {
      checks.push({ name, met: false, detail: `not run: ${outcome?.skipped ?? 'no result'}` });
      continue;
    }
    const { errors, timeouts } = outcome.load;
    const answered = outcome.after?.ok ?? false;
    checks.push({
      name,
      met: errors === 0 && timeouts === 0 && answered,
      detail: `${errors} errors, ${timeouts} timeouts; ${outcome.after?.text ?? 'not checked'}`,
    });
  }

  for (const phase of APP_VS_STAGE) checks.push(ratioCheck(app, appId, phase, APP_MIN_RATIO, 'the standalone stage'));
  return checks;
}

function ratioCheck(section: SectionResult, serverId: string, phase: PhaseId, min: number, versus: string): TargetCheck {
  const server = section.servers.find((s) => s.id === serverId)!;
  const name = `${server.label} ≥ ${min.toFixed(1)}× ${versus} on ${phase}`;
  const ratio = ratioTo(section, server, phase);
  if (ratio === null) {
    const reason = server.phases[phase]?.skipped
      ?? section.servers.find((s) => s.id === section.baselineId)?.phases[phase]?.skipped
      ?? 'no measurement';
    return { name, met: false, detail: `no ratio: ${reason}` };
  }
  return { name, met: ratio >= min, detail: `${ratio.toFixed(2)}×` };
}
