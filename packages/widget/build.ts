/** Builds dist/widget.js, the one ES module a brand's page loads (served at /widget.js). */
import { bundle } from '../../scripts/bundle.ts';

await bundle(new URL('./src/index.ts', import.meta.url), new URL('./dist/widget.js', import.meta.url));
