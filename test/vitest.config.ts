import { defineConfig } from 'vitest/config';

export default defineConfig({
  // As in packages/server: resolve packages the way Node does at run time (one graphql module).
  ssr: { resolve: { conditions: ['module', 'node', 'production'] } },
  resolve: { conditions: ['module', 'node', 'production'] },
  test: {
    include: ['api/**/*.test.ts', 'e2e/**/*.test.ts', 'fault/**/*.test.ts', 'i18n/**/*.test.ts', 'lint/**/*.test.ts'],
    // Servers start as `pnpm start` runs them, built into packages/server/dist (its build.ts).
    globalSetup: ['../packages/server/build.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
