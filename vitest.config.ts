import { defineConfig } from 'vitest/config';

// Tests run in Node by default; a component test opts into a DOM with
// `// @vitest-environment happy-dom` on its first line.
export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules', 'dist'],
    environment: 'node',
  },
});
