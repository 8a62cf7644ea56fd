/** Builds the admin console into dist/ (served at /admin). */
import { copyFile } from 'node:fs/promises';
import { bundle } from '../../scripts/bundle.ts';

// Each language other than English is a chunk of its own (admin-<locale>-HASH.js), loaded when chosen.
await bundle(new URL('./src/index.ts', import.meta.url), new URL('./dist/admin.js', import.meta.url));
await copyFile(new URL('./src/index.html', import.meta.url), new URL('./dist/index.html', import.meta.url));
