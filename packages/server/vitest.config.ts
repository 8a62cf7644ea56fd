import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Resolve packages as Node does at run time. Vite's default adds the "development" condition,
  // under which graphql 17 resolves to its __dev__ build while externalised packages (yoga) load
  // the normal one: two graphql modules, and `instanceof GraphQLError` fails between them.
  ssr: { resolve: { conditions: ['module', 'node', 'production'] } },
  resolve: { conditions: ['module', 'node', 'production'] },
  test: {
    include: ['src/**/*.test.ts'],
    // Tests start the server as `pnpm start` runs it, built into dist/ (build.ts).
    globalSetup: ['./build.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
