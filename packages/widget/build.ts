/**
 * Builds dist/widget.js, the ES module a brand's page loads (served at /widget.js), and the chunks
 * it loads only when needed (dist/widget-*.js, served beside it).
 */
import { bundle } from '../../scripts/bundle.ts';

await bundle(new URL('./src/index.ts', import.meta.url), new URL('./dist/widget.js', import.meta.url));
