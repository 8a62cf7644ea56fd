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
 * `entry` bundled for the browser into `outfile`, with the code loaded by `import()` in chunks beside
 * it (named after it, e.g. widget-account-panel-HASH.js), fetched only when first needed.
 *
 * rolldown, not esbuild, because of where shared code goes: esbuild puts every module that a chunk
 * also uses into chunks of its own, so the page fetched widget.js and then, one round trip later,
 * eleven chunks before it could start. rolldown keeps what the entry loads anyway in the entry
 * (`preserveEntrySignatures: 'allow-extension'` lets later chunks import it from there): one file
 * at start. Before and after are in BENCHMARKS.md (issue #32).
 */
export async function bundle(entry: URL, outfile: URL): Promise<void> {
  const name = outfile.pathname.replace(/^.*\//, '').replace(/\.js$/, '');
  const input = {
    input: entry.pathname,
    preserveEntrySignatures: 'allow-extension' as const,
    plugins: [minifyTemplates],
    transform: {
      target: 'es2022',
      // @urql/core (the console's client) reads process.env.NODE_ENV: fixed at build time.
      define: { 'process.env.NODE_ENV': '"production"' },
    },
  };
  const output = {
    dir: new URL('.', outfile).pathname,
    format: 'esm' as const,
    entryFileNames: `${name}.js`,
    chunkFileNames: `${name}-[name]-[hash].js`,
    minify: true,
    comments: { legal: false },
    // Chunks of an earlier build go: their names change with every build.
    cleanDir: true,
  };
  if (process.argv.includes('--watch')) {
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
