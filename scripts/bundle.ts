/**
 * Bundles an entry point into one ES module with esbuild: how the widget and the admin console
 * (minified for the browser) and the server (for Node) are built. `--watch` rebuilds on change.
 */
import { readFile } from 'node:fs/promises';
import { build, context, type Plugin } from 'esbuild';

/**
 * esbuild minifies code but not the text inside template literals, which is much of a component's
 * bytes: this drops the comments and collapses the whitespace of Lit's css`…` styles and of the
 * gql`…` GraphQL documents, typed or not (neither holds string literals where spaces would matter).
 */
const minifyTemplates: Plugin = {
  name: 'minify-templates',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\/src\/.*\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const contents = source
        .replace(/\bcss`([^`]*)`/g, (_all, body: string) => {
          const minified = body
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\s+/g, ' ')
            .replace(/\s*([{}:;,>])\s*/g, '$1')
            .replace(/;}/g, '}')
            .trim();
          return `css\`${minified}\``;
        })
        .replace(/\bgql(<[\w\s,]*>)?`([^`]*)`/g, (_all, types: string | undefined, body: string) => {
          const minified = body
            .replace(/#[^\n]*/g, '')
            .replace(/\s+/g, ' ')
            .replace(/\s*([{}():,])\s*/g, '$1')
            .trim();
          return `gql${types ?? ''}\`${minified}\``;
        });
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * `split`: code loaded with `import()` goes into chunks beside the output (named after it, e.g.
 * widget-account-panel-HASH.js), fetched only when that code is first needed.
 */
export async function bundle(entry: URL, outfile: URL, { split = false } = {}): Promise<void> {
  const name = outfile.pathname.replace(/^.*\//, '').replace(/\.js$/, '');
  const output = split
    ? {
        outdir: new URL('.', outfile).pathname,
        splitting: true,
        entryNames: name,
        chunkNames: `${name}-[name]-[hash]`,
      }
    : { outfile: outfile.pathname };
  const options = {
    entryPoints: [entry.pathname],
    ...output,
    bundle: true,
    format: 'esm' as const,
    target: 'es2022',
    minify: true,
    legalComments: 'none' as const,
    plugins: [minifyTemplates],
    // @urql/core reads process.env.NODE_ENV; fix it at build time so the page needs no `process`.
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'info' as const,
  };
  if (process.argv.includes('--watch')) await (await context(options)).watch();
  else await build(options);
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
