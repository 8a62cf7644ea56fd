import { startApp } from './app.ts';
import { loadConfig } from './config.ts';
import { DEMO_PASSWORD } from './services/demo.ts';

const config = loadConfig();
const app = await startApp({ config });

if (app.demo) {
  console.log(
    `Seeded the "${app.demo.slug}" community. Staff sign in at /admin with ${app.demo.staff.map((s) => s.email).join(', ')} and password "${DEMO_PASSWORD}". SSO key id ${app.demo.ssoKeyId}.`,
  );
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests, then stopping`);
    const timer = setTimeout(() => {
      console.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    timer.unref();
    app.close(5_000).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed', error);
        process.exit(1);
      },
    );
  });
}

console.log(`Rapport listening on ${app.url} — demo ${app.url}/ · admin ${app.url}/admin · GraphQL ${app.url}/graphql`);
