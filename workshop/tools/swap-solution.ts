// A Vite plugin for the workshop's test runs: wherever the chapter's code imports the course's
// solution module, it gets the learner's file instead. The tests themselves are the course's own,
// unchanged: they cannot tell the two apart, which is the point.
import path from 'node:path';
import type { Plugin } from 'vite';

export function swapSolution(solution: string, learner: string): Plugin {
  const solutionPath = path.resolve(solution);
  return {
    name: 'cachecraft-workshop-swap',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || path.resolve(importer) === learner) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && path.resolve(resolved.id) === solutionPath ? learner : null;
    },
  };
}
