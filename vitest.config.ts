import { defineConfig } from 'vitest/config';

// Two projects: `unit` (everything but e2e/, in Node; a component test opts into a DOM with
// `// @vitest-environment happy-dom` on its first line) and `e2e` (the pages in Chromium). Only
// the e2e project has the globalSetup that starts the one dev server and the one Chromium its
// files share, so `vitest run --project unit` starts neither.
export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.ts', '**/*.test.tsx'],
          exclude: ['node_modules', 'dist', 'e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
        },
      },
    ],
  },
});
