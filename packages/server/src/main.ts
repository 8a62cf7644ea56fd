import { startApp } from './app.ts';
import { loadConfig } from './config.ts';

const config = loadConfig();
const app = await startApp({ config });

if (app.demo) {
  const passwords = new Set(app.demo.staff.map((s) => s.password));
  const accounts =
    passwords.size === 1
      ? `${app.demo.staff.map((s) => s.email).join(', ')} and password "${[...passwords][0]}"`
      : // Random passwords (a production server): shown this once, never stored in the clear.
        app.demo.staff.map((s) => `${s.email} / ${s.password}`).join(', ');
  console.log(
    `Seeded the "${app.demo.slug}" community. Staff sign in at /admin with ${accounts}. SSO key id ${app.demo.ssoKeyId}.`,
  );
}
for (const warning of app.warnings) console.warn(`\n*** WARNING: ${warning} ***\n`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests, then stopping`);
    const timer = setTimeout(() => {
      console.error('shutdown took too long; exiting');
      process.exit(1);
    }, 25_000);
    timer.unref();
    // Requests in flight get 15 s: more than a query may take (DATABASE_QUERY_TIMEOUT_MS, 10 s)
    // after waiting for a connection (5 s at most), so every accepted request is answered.
    app.close(15_000).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed', error);
        process.exit(1);
      },
    );
  });
}

console.log(`Rapport listening on ${app.url} — demo ${app.url}/ · admin ${app.url}/admin · GraphQL ${app.url}/graphql`);
