// axe-core in the page under test: its violations, each as one readable line per element.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = createRequire(import.meta.url)('axe-core').source as string;

interface AxeViolation {
  id: string;
  impact?: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * `context` as axe.run takes it. By default the whole page but the demo frame, which shows the
 * stage's own page (the 2008 monitoring page, kept as it was): not the course's.
 */
export async function axeViolations(page: Page, context: unknown = { exclude: [['iframe[data-testid="demo-frame"]']] }): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(async (ctx) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(ctx, { resultTypes: ['violations'] });
    return result.violations;
  }, context)) as AxeViolation[];
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact ?? '?'}): ${v.help} at ${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
}
