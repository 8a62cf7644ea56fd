/**
 * Builds dist/main.js, the server as `pnpm start` runs it: src/main.ts and its dependencies in one
 * module (see bundleServer for why). Tests build it first too (vitest's globalSetup: `setup`), so
 * the processes they start run what production runs.
 */
import { bundleServer } from '../../scripts/bundle.ts';

export async function buildServer(): Promise<void> {
  await bundleServer(new URL('./src/main.ts', import.meta.url), new URL('./dist/main.js', import.meta.url), {
    // Native addons (password hashing, SQLite), loaded from node_modules at run time, so each is a
    // dependency of this package (better-sqlite3 too, though MikroORM's SQLite driver is what uses
    // it); and pg's optional native binding, which is never installed.
    // MJML (4 MB bundled) too: loaded from node_modules when a process first writes an email, so
    // request-only processes never hold it (services/mail/templates/compose.ts).
    external: ['@node-rs/argon2', 'better-sqlite3', 'pg-native', 'mjml'],
  });
}

export const setup = buildServer;

if (import.meta.main) await buildServer();
