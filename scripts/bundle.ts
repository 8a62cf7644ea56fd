/**
 * Bundles the browser's code (the widget and the admin console) with rolldown, and the server (for
 * Node) with esbuild. `--watch` rebuilds on change.
 */
import { build } from 'esbuild';
import { type Plugin, rolldown, watch } from 'rolldown';

/** Comments dropped and whitespace collapsed in a css`…` style (no string literals where spaces matter). */
const minifiedCss = (body: string) =>
  body
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();

/** The same for a GraphQL document. */
const minifiedGraphql = (body: string) =>
  body
    .replace(/#[^\n]*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}():,])\s*/g, '$1')
    .trim();

/**
 * Minifiers leave the text inside template literals alone, and that is much of a component's bytes:
 * this minifies Lit's css`…` styles and the gql`…` GraphQL documents, typed or not.
 */
const minifyTemplates: Plugin = {
  name: 'minify-templates',
  transform: {
    filter: { id: /\/src\/.*\.ts$/ },
    handler: (source) => ({
      code: source
        .replace(/\bcss`([^`]*)`/g, (_all, body: string) => `css\`${minifiedCss(body)}\``)
        .replace(
          /\bgql(<[\w\s,]*>)?`([^`]*)`/g,
          (_all, types: string | undefined, body: string) => `gql${types ?? ''}\`${minifiedGraphql(body)}\``,
        ),
    }),
  },
};

/**
 * `entry` bundled for the browser: `outfile` (widget.js) only names the start chunk beside it
 * (widget-start-HASH.js), which holds everything the page runs at start; the code loaded with
 * `import()` is in chunks of its own (widget-account-panel-HASH.js), fetched when first needed.
 *
 * rolldown, not esbuild, because of where shared code goes: esbuild put every module that a later
 * chunk also uses into chunks of their own, so the page fetched widget.js and then, once it was
 * parsed, eleven chunks. rolldown keeps what the start loads anyway in the start chunk
 * (`preserveEntrySignatures: 'allow-extension'` lets later chunks import it from there). The later
 * chunks import that chunk, never widget.js: a page may load widget.js under another address
 * (`widget.js?v=2`), and they must share its one copy of the code (its language, its session).
 * Before and after are in BENCHMARKS.md (issue #32).
 */
export async function bundle(entry: URL, outfile: URL): Promise<void> {
  const name = outfile.pathname.replace(/^.*\//, '').replace(/\.js$/, '');
  const names: Plugin = {
    name: 'entry-names-the-start',
    resolveId: (id) => (id === FACADE ? id : null),
    load: (id) => (id === FACADE ? `export * from ${JSON.stringify(entry.pathname)};` : null),
  };
  const watching = process.argv.includes('--watch');
  const input = {
    input: { [name]: FACADE, start: entry.pathname },
    preserveEntrySignatures: 'allow-extension' as const,
    plugins: [names, minifyTemplates],
    transform: {
      target: 'es2022',
      // @urql/core (the console's client) reads process.env.NODE_ENV: fixed at build time.
      define: { 'process.env.NODE_ENV': '"production"' },
    },
  };
  const output = {
    dir: new URL('.', outfile).pathname,
    format: 'esm' as const,
    entryFileNames: (chunk: { name: string }) => (chunk.name === name ? `${name}.js` : `${name}-[name]-[hash].js`),
    chunkFileNames: `${name}-[name]-[hash].js`,
    minify: true,
    comments: false,
    // Chunks of an earlier build go (their names change with every build); not while watching,
    // where the console's index.html is copied beside them once.
    cleanDir: !watching,
  };
  if (watching) {
    watch({ ...input, output }).on('event', (event) => {
      if (event.code === 'BUNDLE_END') void event.result.close();
      if (event.code === 'ERROR') console.error(event.error);
    });
    return;
  }
  const built = await rolldown(input);
  try {
    await built.write(output);
  } finally {
    await built.close();
  }
}

/** The module widget.js is made of: it re-exports the start chunk. */
const FACADE = '\0rapport-entry';

/**
 * The server as one ES module for Node (what `pnpm start` runs). Run from its TypeScript sources,
 * a process held about 30 MB more at start and 30–50 MB more under load (BENCHMARKS.md): Node's
 * type stripping keeps a 3.8 MB compiler and its WebAssembly memory loaded for good, and V8 keeps
 * the source text of every module (8.7 MB for ours and our dependencies', 3 MB bundled without
 * whitespace). Names are kept (no identifier minification): stack traces stay readable, and
 * nothing depends on a mangled class name. A source map goes beside it, for
 * `node --enable-source-maps`.
 */
export async function bundleServer(entry: URL, outfile: URL, { external = [] as string[] } = {}): Promise<void> {
  await build({
    entryPoints: [entry.pathname],
    outfile: outfile.pathname,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: true,
    legalComments: 'none',
    // Native addons load their compiled part from beside their own files: they stay packages.
    external,
    // Bundled CommonJS dependencies call require(): an ES module has none of its own.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}
