// Where a stage is served by the course app: every stage under /ch/<stage>/.

/** "/ch/<stage>/<path>" with exactly one slash between the parts, as written (not yet parsed). */
export function stageUrl(stage: string, path: string): string {
  const clean = path.trim().replace(/^\/+/, '');
  return `/ch/${encodeURIComponent(stage)}/${clean}`;
}
