// Component tests in headless Chromium (Debian's), against the real Rapport server and a real
// database, started by the rapport-server plugin. `pnpm --filter @rapport/widget test`.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { jsonReporter } from '../../test/wtr/json-reporter.ts';
import { rapportServer } from '../../test/wtr/rapport-server.ts';

export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production', 'browser'] },
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 20_000 } },
  browserStartTimeout: 60_000,
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }),
    rapportServer(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), jsonReporter(new URL('../../.reports/widget.json', import.meta.url).pathname)],
};
